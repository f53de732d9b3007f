package io.github.natsjetstream.docs.samples.testing;

import io.github.natsjetstream.test.NatsContainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class ContainerTests {

	@Container
	@ServiceConnection
	static final GenericContainer<?> nats = NatsContainers.jetStream();

}

package io.github.natsjetstream.test;

import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

@Testcontainers(disabledWithoutDocker = true)
class NatsContainersTests {

	@Container
	static final GenericContainer<?> nats = NatsContainers.jetStream();

	@Test
	void containerServesJetStream() throws Exception {
		try (Connection connection = Clients.connect(NatsContainers.url(nats))) {
			Clients.createFileStream(connection, "CONTAINED", 1);
			Clients.publish(connection, "CONTAINED", 1);
			assertThat(Clients.read(connection, "CONTAINED", 1)).isEqualTo("message-1");
		}
	}

}

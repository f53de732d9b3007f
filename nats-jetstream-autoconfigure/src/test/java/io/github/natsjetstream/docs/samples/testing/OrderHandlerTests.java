package io.github.natsjetstream.docs.samples.testing;

import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.github.natsjetstream.test.NatsServerPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class OrderHandlerTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@DynamicPropertySource
	static void natsProperties(DynamicPropertyRegistry registry) {
		NatsServerPropertySource.registerProperties(registry, nats);
	}

	@Test
	void survivesARestart(NatsServer server) {
		// ...
		server.restart();
		// ...
	}

}

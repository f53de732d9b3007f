package io.github.natsjetstream.sample;

import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class SampleApplicationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@DynamicPropertySource
	static void natsProperties(DynamicPropertyRegistry registry) {
		registry.add("nats.servers", nats::url);
	}

	@Autowired
	private Connection connection;

	@Test
	void sampleStartsConnectedToTheServer() {
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(this.connection.getConnectedUrl()).contains(String.valueOf(nats.server().port()));
	}

}

package io.github.natsjetstream.testcontainers;

import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsConnectionDetails;
import io.github.natsjetstream.test.NatsContainers;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection} on a {@code nats} container supplies the server URL. Skipped
 * where no Docker engine is available.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class NatsContainerConnectionDetailsFactoryTests {

	@Container
	@ServiceConnection
	static final GenericContainer<?> nats = NatsContainers.jetStream();

	@Autowired
	private NatsConnectionDetails connectionDetails;

	@Autowired
	private Connection connection;

	@Autowired
	private JetStreamManagement jetStreamManagement;

	@Test
	void serviceConnectionSuppliesTheContainerUrl() throws Exception {
		assertThat(this.connectionDetails.getServers())
			.containsExactly("nats://" + nats.getHost() + ":" + nats.getMappedPort(4222));
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(this.jetStreamManagement.getAccountStatistics()).isNotNull();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(NatsAutoConfiguration.class)
	static class TestConfiguration {

	}

}

package io.github.natsjetstream.test;

import io.nats.client.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class NatsServerExtensionTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.create((builder) -> builder.serverName("extension"));

	static NatsServer serverSeenBeforeAll;

	@BeforeAll
	static void recordServer(NatsServer server) {
		serverSeenBeforeAll = server;
	}

	@Test
	void extensionStartsAServerBeforeAllTests() {
		assertThat(nats.server().isRunning()).isTrue();
		assertThat(nats.url()).isEqualTo(nats.server().url());
		assertThat(nats.server().serverName()).isEqualTo("extension");
	}

	@Test
	void serverIsInjectedIntoTestMethods(NatsServer server) throws Exception {
		assertThat(server).isSameAs(nats.server()).isSameAs(serverSeenBeforeAll);
		try (Connection connection = Clients.connect(server.url())) {
			assertThat(connection.jetStreamManagement().getAccountStatistics()).isNotNull();
		}
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassesShareTheServerOfTheEnclosingClass(NatsServer server) {
			assertThat(server).isSameAs(serverSeenBeforeAll);
			assertThat(server.isRunning()).isTrue();
		}

	}

}

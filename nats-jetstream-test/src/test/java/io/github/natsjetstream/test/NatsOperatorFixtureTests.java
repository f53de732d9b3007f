package io.github.natsjetstream.test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.support.JwtUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NatsOperatorFixtureTests {

	static final NatsOperatorFixture operator = NatsOperatorFixture.create();

	static NatsServer server;

	@BeforeAll
	static void startOperatorModeServer() {
		server = NatsServer.builder().config(operator.serverConfig()).start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void credsFileConnectionCanUseJetStream(@TempDir Path dir) throws Exception {
		Path creds = operator.writeCredentials(dir.resolve("nested/user.creds"));

		try (Connection connection = Nats
			.connect(Clients.options(server.url()).authHandler(Nats.credentials(creds.toString())).build())) {
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			Clients.createFileStream(connection, "SECURED", 1);
			Clients.publish(connection, "SECURED", 2);
			assertThat(Clients.read(connection, "SECURED", 2)).isEqualTo("message-2");
		}
	}

	@Test
	void connectionWithoutCredentialsIsRejected() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Nats
			.connect(Clients.options(server.url()).connectionTimeout(Duration.ofSeconds(1)).build())
			.close());
	}

	@Test
	void credentialsFileHasTheStandardLayout() {
		String credentials = operator.credentials();

		assertThat(credentials).startsWith("-----BEGIN NATS USER JWT-----\n" + operator.userJwt() + "\n")
			.contains("-----BEGIN USER NKEY SEED-----\n" + operator.userSeed() + "\n");
		assertThat(JwtUtils.getClaimBody(operator.userJwt())).contains("\"issuer_account\":\"" + operator.accountPublicKey())
			.contains("\"sub\":\"" + operator.userPublicKey());
		assertThat(operator.serverConfig()).contains("resolver: MEMORY")
			.contains("system_account: " + operator.systemAccountPublicKey());
	}

}

package io.github.natsjetstream.autoconfigure;

import java.nio.file.Path;

import io.github.natsjetstream.test.NatsOperatorFixture;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.TestCertificates;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.NKey;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connects with every supported kind of authentication to servers configured for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsAuthenticationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void connectsWithoutAuthentication() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.url()).run(usesJetStream("NOAUTH"));
		}
	}

	@Test
	void connectsWithUserAndPassword() throws Exception {
		try (NatsServer server = NatsServer.builder()
			.config("authorization { users = [ { user: alice, password: \"s3cret\" } ] }")
			.build()
			.start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.username=alice", "nats.password=s3cret")
				.run(usesJetStream("USERPASS"));
		}
	}

	@Test
	void connectsWithToken() throws Exception {
		try (NatsServer server = NatsServer.builder().config("authorization { token: \"t0ken-value\" }").build().start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.url(), "nats.token=t0ken-value")
				.run(usesJetStream("TOKEN"));
		}
	}

	@Test
	void connectsWithNkey() throws Exception {
		NKey user = NKey.createUser(null);
		try (NatsServer server = NatsServer.builder()
			.config("authorization { users = [ { nkey: " + new String(user.getPublicKey()) + " } ] }")
			.build()
			.start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.nkey=" + new String(user.getSeed()))
				.run(usesJetStream("NKEY"));
		}
	}

	@Test
	void credentialsAServerDoesNotAskForAreWarnedAbout(CapturedOutput output) throws Exception {
		NKey user = NKey.createUser(null);
		try (NatsServer server = NatsServer.builder().build().start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.nkey=" + new String(user.getSeed()))
				.run(usesJetStream("UNASKED"));
			assertThat(output).contains("NATS server " + server.url() + " requires no authentication")
				.doesNotContain(new String(user.getSeed()));
		}
	}

	@Test
	void connectsWithCredentialsFile(@TempDir Path dir) throws Exception {
		NatsOperatorFixture operator = NatsOperatorFixture.create();
		Path credentials = operator.writeCredentials(dir.resolve("user.creds"));
		try (NatsServer server = NatsServer.builder().config(operator.serverConfig()).build().start()) {
			this.contextRunner.withPropertyValues("nats.servers=" + server.url(), "nats.credentials=" + credentials)
				.run(usesJetStream("CREDS"));
		}
	}

	@Test
	void connectsWithTlsThroughAnSslBundle(@TempDir Path dir) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir);
		try (NatsServer server = NatsServer.builder().tls(certificates).build().start()) {
			assertThat(server.url()).startsWith("tls://");
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=file:" + certificates.caCertificate())
				.run(usesJetStream("TLS"));
		}
	}

	private static ContextConsumer<AssertableApplicationContext> usesJetStream(String stream) {
		return (context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			management.addStream(StreamConfiguration.builder()
				.name(stream)
				.subjects(stream.toLowerCase() + ".>")
				.storageType(StorageType.Memory)
				.build());
			assertThat(management.getStreamNames()).contains(stream);
		};
	}

}

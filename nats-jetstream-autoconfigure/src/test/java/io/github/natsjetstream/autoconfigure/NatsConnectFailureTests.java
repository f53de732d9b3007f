package io.github.natsjetstream.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.github.natsjetstream.connection.ConnectFailureCause;
import io.github.natsjetstream.connection.NatsConnectException;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Startup fails with a message that names the server and the cause, and never a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsConnectFailureTests {

	private static final String SECRET = "Wr0ng-Passw0rd-Do-Not-Log";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void wrongPasswordFailsNamingTheServerAndAuthorization(CapturedOutput output) throws Exception {
		try (NatsServer server = NatsServer.builder()
			.config("authorization { users = [ { user: alice, password: \"right-one\" } ] }")
			.build()
			.start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.username=alice", "nats.password=" + SECRET)
				.run((context) -> assertThat(connectFailure(context)).satisfies((ex) -> {
						assertThat(ex.getFailureCause()).isEqualTo(ConnectFailureCause.AUTHORIZATION);
						assertThat(ex.getMessage()).contains(server.url()).contains("authorization");
					}));
			assertThat(output).doesNotContain(SECRET);
		}
	}

	@Test
	void wrongPasswordInTheServerUrlIsNeverShown(CapturedOutput output) throws Exception {
		try (NatsServer server = NatsServer.builder()
			.config("authorization { users = [ { user: alice, password: \"right-one\" } ] }")
			.build()
			.start()) {
			String url = server.url().replace("://", "://alice:" + SECRET + "@");
			this.contextRunner.withPropertyValues("nats.servers=" + url)
				.run((context) -> assertThat(connectFailure(context)).satisfies((ex) -> {
						assertThat(ex.getFailureCause()).isEqualTo(ConnectFailureCause.AUTHORIZATION);
						assertThat(ex.getMessage()).contains(server.url()).doesNotContain(SECRET);
					}));
			assertThat(output).doesNotContain(SECRET);
		}
	}

	@Test
	void unreachableServerFailsNamingTheServerAndRefusal(CapturedOutput output) throws Exception {
		String url = "nats://127.0.0.1:" + freePort();
		this.contextRunner.withPropertyValues("nats.servers=" + url, "nats.password=" + SECRET, "nats.username=bob")
			.run((context) -> assertThat(connectFailure(context)).satisfies((ex) -> {
					assertThat(ex.getFailureCause()).isEqualTo(ConnectFailureCause.REFUSED);
					assertThat(ex.getMessage()).contains(url).contains("refused");
				}));
		assertThat(output).doesNotContain(SECRET);
	}

	@Test
	void untrustedServerCertificateFailsNamingTls(@TempDir Path dir, CapturedOutput output) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir);
		try (NatsServer server = NatsServer.builder().tls(certificates).build().start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.ssl.bundle=other",
						"spring.ssl.bundle.pem.other.truststore.certificate=file:" + certificates.otherCaCertificate(),
						"nats.token=" + SECRET)
				.run((context) -> assertThat(connectFailure(context)).satisfies((ex) -> {
						assertThat(ex.getFailureCause()).isEqualTo(ConnectFailureCause.TLS);
						assertThat(ex.getMessage()).contains(server.url()).contains("TLS");
					}));
			assertThat(output).doesNotContain(SECRET);
		}
	}

	@Test
	void plainConnectionToTlsServerFailsNamingTls(@TempDir Path dir) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir);
		try (NatsServer server = NatsServer.builder().tls(certificates).build().start()) {
			String plainUrl = "nats://127.0.0.1:" + server.port();
			this.contextRunner.withPropertyValues("nats.servers=" + plainUrl)
				.run((context) -> assertThat(connectFailure(context)).satisfies((ex) -> {
						assertThat(ex.getFailureCause()).isEqualTo(ConnectFailureCause.TLS);
						assertThat(ex.getMessage()).contains(plainUrl);
					}));
		}
	}

	@Test
	void applicationStartupFailureReportNamesTheCauseWithoutSecrets(CapturedOutput output) throws Exception {
		try (NatsServer server = NatsServer.builder()
			.config("authorization { users = [ { user: alice, password: \"right-one\" } ] }")
			.build()
			.start()) {
			SpringApplicationBuilder application = new SpringApplicationBuilder(EmptyApplication.class)
				.web(WebApplicationType.NONE)
				.properties("nats.servers=" + server.url(), "nats.username=alice", "nats.password=" + SECRET);
			assertThatException().isThrownBy(application::run);
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Unable to connect to NATS server(s) [" + server.url() + "]")
				.contains("nats.username/nats.password")
				.doesNotContain(SECRET);
		}
	}

	private static NatsConnectException connectFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
			if (failure instanceof NatsConnectException connectException) {
				return connectException;
			}
		}
		throw new AssertionError("No NatsConnectException in " + context.getStartupFailure());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EmptyApplication {

	}

}

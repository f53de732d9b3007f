package io.github.natsjetstream.autoconfigure;

import java.nio.file.Path;

import io.github.natsjetstream.connection.ConnectFailureCause;
import io.github.natsjetstream.connection.NatsConnectException;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.TestCertificates;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS checks that the server's certificate is for the host connected to, unless
 * {@code nats.ssl.verify-hostname} is off, which a warning then says.
 */
@ExtendWith(OutputCaptureExtension.class)
class NatsTlsHostnameVerificationTests {

	private static final String WARNING = "TLS host name verification is off (nats.ssl.verify-hostname=false)";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void connectsByAHostNameTheCertificateIsFor(@TempDir Path dir, CapturedOutput output) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir);
		try (NatsServer server = NatsServer.builder().tls(certificates).build().start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=tls://localhost:" + server.port(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=file:" + certificates.caCertificate())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
				});
			assertThat(output).doesNotContain(WARNING);
		}
	}

	@Test
	void refusesATrustedCertificateForAnotherHost(@TempDir Path dir) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir, "nats.example.org");
		try (NatsServer server = NatsServer.builder().tls(certificates).build().start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.ssl.bundle=nats",
						"spring.ssl.bundle.pem.nats.truststore.certificate=file:" + certificates.caCertificate())
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context).getFailure()
						.rootCause()
						.hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
					assertThat(context.getStartupFailure()).rootCause().isNotNull();
					Throwable failure = context.getStartupFailure();
					while (!(failure instanceof NatsConnectException)) {
						failure = failure.getCause();
					}
					assertThat(((NatsConnectException) failure).getFailureCause()).isEqualTo(ConnectFailureCause.HOST_NAME);
				});
		}
	}

	@Test
	void acceptsACertificateForAnotherHostWhenTurnedOffAndWarns(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir, "nats.example.org");
		try (NatsServer server = NatsServer.builder().tls(certificates).build().start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.ssl.bundle=nats",
						"nats.ssl.verify-hostname=false",
						"spring.ssl.bundle.pem.nats.truststore.certificate=file:" + certificates.caCertificate())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
				});
			assertThat(output).contains(WARNING);
		}
	}

}

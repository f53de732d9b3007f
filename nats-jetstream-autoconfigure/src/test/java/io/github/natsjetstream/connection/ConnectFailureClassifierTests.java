package io.github.natsjetstream.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;

import io.nats.client.AuthenticationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectFailureClassifierTests {

	@Test
	void refusedConnectionIsRefused() {
		assertThat(ConnectFailureClassifier.classify(new IOException(new ConnectException("Connection refused"))))
			.isEqualTo(ConnectFailureCause.REFUSED);
	}

	@Test
	void socketTimeoutIsTimeout() {
		assertThat(ConnectFailureClassifier.classify(new SocketTimeoutException("Connect timed out")))
			.isEqualTo(ConnectFailureCause.TIMEOUT);
	}

	@Test
	void handshakeFailureIsTls() {
		assertThat(ConnectFailureClassifier.classify(new SSLHandshakeException("PKIX path building failed")))
			.isEqualTo(ConnectFailureCause.TLS);
	}

	@Test
	void certificateForAnotherHostIsHostNameWhereverItIsInTheChain() {
		SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative DNS name matching x found");
		handshake.initCause(new CertificateException("No subject alternative DNS name matching x found."));
		assertThat(ConnectFailureClassifier.classify(new IOException("Unable to connect", handshake)))
			.isEqualTo(ConnectFailureCause.HOST_NAME);
		assertThat(ConnectFailureClassifier.classify(
				new CertificateException("No subject alternative names matching IP address 127.0.0.1 found")))
			.isEqualTo(ConnectFailureCause.HOST_NAME);
	}

	@Test
	void credentialsTheAuthenticationHandlerCannotUseAreCredentials() {
		IOException connect = new IOException("Error sending connect string",
				new IllegalStateException("problem getting public key", new IllegalArgumentException("CRC is invalid")));
		assertThat(ConnectFailureClassifier.classify(connect)).isEqualTo(ConnectFailureCause.CREDENTIALS);
		assertThat(ConnectFailureClassifier.classify(new IllegalStateException("problem signing nonce")))
			.isEqualTo(ConnectFailureCause.CREDENTIALS);
	}

	@Test
	void tlsRequiredByServerIsTls() {
		assertThat(ConnectFailureClassifier.classify(new IOException("SSL connection wanted by server.")))
			.isEqualTo(ConnectFailureCause.TLS);
	}

	@Test
	void authenticationExceptionIsAuthorization() {
		assertThat(ConnectFailureClassifier.classify(new AuthenticationException("Authorization Violation")))
			.isEqualTo(ConnectFailureCause.AUTHORIZATION);
	}

	@Test
	void serverErrorTextIsClassified() {
		assertThat(ConnectFailureClassifier.classify("Authorization Violation"))
			.isEqualTo(ConnectFailureCause.AUTHORIZATION);
		assertThat(ConnectFailureClassifier.classify("Secure Connection - TLS Required"))
			.isEqualTo(ConnectFailureCause.TLS);
	}

	@Test
	void unknownHostIsUnknownHost() {
		assertThat(ConnectFailureClassifier.classify(new UnknownHostException("nowhere")))
			.isEqualTo(ConnectFailureCause.UNKNOWN_HOST);
	}

	@Test
	void urlsInTheTextAreNoEvidence() {
		assertThat(ConnectFailureClassifier.classify(new IOException("Unable to connect to NATS servers: [tls://host:4222]")))
			.isEqualTo(ConnectFailureCause.OTHER);
		assertThat(ConnectFailureClassifier.classify("Unable to connect to [tls://host:4222]"))
			.isEqualTo(ConnectFailureCause.OTHER);
	}

	@Test
	void anythingElseIsOther() {
		assertThat(ConnectFailureClassifier.classify(new IOException("Unable to connect to NATS servers: []")))
			.isEqualTo(ConnectFailureCause.OTHER);
		assertThat(ConnectFailureClassifier.classify((Throwable) null)).isEqualTo(ConnectFailureCause.OTHER);
	}

}

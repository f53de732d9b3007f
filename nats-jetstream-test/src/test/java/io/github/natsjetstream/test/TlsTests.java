package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TlsTests {

	@TempDir
	static Path certificateDir;

	static TestCertificates certificates;

	static NatsServer server;

	@BeforeAll
	static void startTlsServer() {
		certificates = TestCertificates.generate(certificateDir);
		server = NatsServer.builder().tls(certificates).start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void tlsServerAdvertisesTlsUrl() {
		assertThat(server.url()).isEqualTo("tls://127.0.0.1:" + server.port());
		assertThat(server.configFile()).content().contains("cert_file:").contains("key_file:");
	}

	@Test
	void clientTrustingTheCaConnectsAndUsesJetStream() throws Exception {
		SSLContext sslContext = sslContextTrusting(certificates.caCertificate());
		try (Connection connection = Nats.connect(Clients.options(server.url()).sslContext(sslContext).build())) {
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
			assertThat(connection.jetStreamManagement().getAccountStatistics()).isNotNull();
		}
	}

	@Test
	void clientTrustingOnlyAnotherCaIsRejected() throws Exception {
		SSLContext sslContext = sslContextTrusting(certificates.otherCaCertificate());
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> Nats.connect(Clients.options(server.url()).sslContext(sslContext).build()).close());
	}

	@Test
	void plainTextClientIsRejected() {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> Clients.connect(server.url().replace("tls://", "nats://")).close());
	}

	@Test
	void mutualTlsServerAcceptsOnlyClientsPresentingACertificateFromTheCa() throws Exception {
		try (NatsServer mutual = NatsServer.builder().jetStream(false).mutualTls(certificates).start()) {
			assertThat(mutual.configFile()).content().contains("verify: true").contains("ca_file:");
			SSLContext withClientCertificate = sslContext(certificates.caCertificate(), certificates.clientCertificate(),
					certificates.clientPrivateKey());
			try (Connection connection = Nats
				.connect(Clients.options(mutual.url()).sslContext(withClientCertificate).build())) {
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			}
			SSLContext withoutClientCertificate = sslContextTrusting(certificates.caCertificate());
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> Nats
				.connect(Clients.options(mutual.url())
					.sslContext(withoutClientCertificate)
					.connectionTimeout(Duration.ofSeconds(1))
					.build())
				.close());
		}
	}

	static SSLContext sslContextTrusting(Path caPem) throws Exception {
		SSLContext sslContext = SSLContext.getInstance("TLS");
		sslContext.init(null, trustManagers(caPem).getTrustManagers(), null);
		return sslContext;
	}

	static SSLContext sslContext(Path caPem, Path certificatePem, Path privateKeyPem) throws Exception {
		String base64 = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		PrivateKey key = KeyFactory.getInstance("EC")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		char[] password = "test".toCharArray();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setKeyEntry("client", key, password, new Certificate[] { readCertificate(certificatePem) });
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, password);
		SSLContext sslContext = SSLContext.getInstance("TLS");
		sslContext.init(keyManagers.getKeyManagers(), trustManagers(caPem).getTrustManagers(), null);
		return sslContext;
	}

	private static TrustManagerFactory trustManagers(Path caPem) throws Exception {
		KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
		trustStore.load(null, null);
		trustStore.setCertificateEntry("ca", readCertificate(caPem));
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trustStore);
		return trustManagers;
	}

	private static X509Certificate readCertificate(Path pem) throws Exception {
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

}

package io.github.natsjetstream.test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class TestCertificatesTests {

	@Test
	void serverCertificateIsSignedByTheCaAndNamesLoopbackIpAndLocalhost(@TempDir Path dir) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir.resolve("certs"));
		X509Certificate ca = read(certificates.caCertificate());
		X509Certificate server = read(certificates.serverCertificate());

		server.verify(ca.getPublicKey());
		server.checkValidity();
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(server.getBasicConstraints()).isEqualTo(-1);
		assertThat(server.getSubjectAlternativeNames()).map((name) -> name.get(0) + "=" + name.get(1))
			.containsExactlyInAnyOrder("7=127.0.0.1", "2=localhost");
		assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
	}

	@Test
	void serverCertificateNamesTheGivenHostsOnly(@TempDir Path dir) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir, "nats.example.org", "10.1.2.3");
		X509Certificate server = read(certificates.serverCertificate());

		server.verify(read(certificates.caCertificate()).getPublicKey());
		assertThat(server.getSubjectAlternativeNames()).map((name) -> name.get(0) + "=" + name.get(1))
			.containsExactlyInAnyOrder("2=nats.example.org", "7=10.1.2.3");
	}

	@Test
	void clientCertificateIsSignedByTheCaButNotByTheOtherCa(@TempDir Path dir) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir);
		X509Certificate client = read(certificates.clientCertificate());

		client.verify(read(certificates.caCertificate()).getPublicKey());
		assertThatException().isThrownBy(() -> client.verify(read(certificates.otherCaCertificate()).getPublicKey()));
		assertThat(client.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
	}

	@Test
	void privateKeysAreUnencryptedPkcs8Pem(@TempDir Path dir) throws Exception {
		TestCertificates certificates = TestCertificates.generate(dir);
		for (Path keyFile : List.of(certificates.serverPrivateKey(), certificates.clientPrivateKey())) {
			String pem = Files.readString(keyFile);
			assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			PrivateKey key = KeyFactory.getInstance("EC")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			assertThat(key.getAlgorithm()).isEqualTo("EC");
		}
	}

	private static X509Certificate read(Path pem) throws Exception {
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

}

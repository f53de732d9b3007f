package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Throw-away TLS material for tests, written as PEM files: a self-signed CA, a server
 * certificate for {@code 127.0.0.1} and {@code localhost} (IP and DNS subject alternative
 * names; other names on request) signed by that CA, a client certificate signed by the same CA (for mutual TLS), and a
 * second, unrelated CA for provoking trust failures.
 *
 * <p>Keys are EC P-256; private keys are unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), which
 * both {@code nats-server} and the JDK read. Certificates are valid from one hour ago for 30
 * days.
 *
 * <pre class="code">
 * TestCertificates certificates = TestCertificates.generate(tempDir);
 * NatsServer server = NatsServer.builder().tls(certificates).start();
 * </pre>
 */
public final class TestCertificates {

	private static final Duration VALIDITY = Duration.ofDays(30);

	private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

	private static final List<String> DEFAULT_SERVER_NAMES = List.of(NatsServer.LOOPBACK, "localhost");

	private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

	private final Path directory;

	private final List<String> serverNames;

	private TestCertificates(Path directory, List<String> serverNames) {
		this.directory = directory;
		this.serverNames = serverNames;
	}

	/**
	 * Generates new keys and certificates and writes them into the given directory, which is
	 * created if needed. Existing files of the same names are replaced.
	 * @param directory the directory for the PEM files
	 * @return the generated certificates
	 */
	public static TestCertificates generate(Path directory) {
		return generate(directory, DEFAULT_SERVER_NAMES.toArray(String[]::new));
	}

	/**
	 * Like {@link #generate(Path)}, with a server certificate for the given names only,
	 * for example a host name the client does not connect to, to provoke a host name
	 * verification failure.
	 * @param directory the directory for the PEM files
	 * @param serverNames the subject alternative names of the server certificate: IP
	 * addresses or DNS names
	 * @return the generated certificates
	 */
	public static TestCertificates generate(Path directory, String... serverNames) {
		if (serverNames.length == 0) {
			throw new IllegalArgumentException("At least one server name is needed");
		}
		try {
			Files.createDirectories(directory);
			TestCertificates certificates = new TestCertificates(directory, List.of(serverNames));
			certificates.write();
			return certificates;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write certificates to " + directory, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not generate certificates", ex);
		}
	}

	/**
	 * The directory holding the PEM files.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The self-signed CA certificate that signed the server and client certificates.
	 * @return the PEM file {@code ca.pem}
	 */
	public Path caCertificate() {
		return this.directory.resolve("ca.pem");
	}

	/**
	 * The server certificate, for {@code 127.0.0.1} and {@code localhost} unless other names
	 * were given.
	 * @return the PEM file {@code server-cert.pem}
	 */
	public Path serverCertificate() {
		return this.directory.resolve("server-cert.pem");
	}

	/**
	 * The private key of the server certificate, unencrypted PKCS#8.
	 * @return the PEM file {@code server-key.pem}
	 */
	public Path serverPrivateKey() {
		return this.directory.resolve("server-key.pem");
	}

	/**
	 * A client certificate signed by the same CA, for mutual TLS ({@code verify: true} in the
	 * server's {@code tls} block).
	 * @return the PEM file {@code client-cert.pem}
	 */
	public Path clientCertificate() {
		return this.directory.resolve("client-cert.pem");
	}

	/**
	 * The private key of the client certificate, unencrypted PKCS#8.
	 * @return the PEM file {@code client-key.pem}
	 */
	public Path clientPrivateKey() {
		return this.directory.resolve("client-key.pem");
	}

	/**
	 * A second self-signed CA that signed nothing here: a client trusting only this CA rejects
	 * the server.
	 * @return the PEM file {@code other-ca.pem}
	 */
	public Path otherCaCertificate() {
		return this.directory.resolve("other-ca.pem");
	}

	private void write() throws IOException, GeneralSecurityException, OperatorCreationException {
		Instant notBefore = Instant.now().minus(Duration.ofHours(1));
		Instant notAfter = notBefore.plus(VALIDITY);
		KeyPair caKeys = newKeyPair();
		X500Name caName = new X500Name("CN=nats-jetstream-test CA");
		X509Certificate ca = sign(caName, caKeys, caName, caKeys.getPublic(), notBefore, notAfter,
				(builder, extensions) -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
					builder.addExtension(Extension.subjectKeyIdentifier, false,
							extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
				});

		KeyPair serverKeys = newKeyPair();
		X509Certificate server = sign(caName, caKeys, new X500Name("CN=" + this.serverNames.get(0)),
				serverKeys.getPublic(), notBefore, notAfter, (builder, extensions) -> {
					leafExtensions(builder, extensions, ca, serverKeys, KeyPurposeId.id_kp_serverAuth);
					builder.addExtension(Extension.subjectAlternativeName, false,
							new GeneralNames(this.serverNames.stream()
								.map((name) -> new GeneralName(
										IP_ADDRESS.matcher(name).matches() ? GeneralName.iPAddress : GeneralName.dNSName,
										name))
								.toArray(GeneralName[]::new)));
				});

		KeyPair clientKeys = newKeyPair();
		X509Certificate client = sign(caName, caKeys, new X500Name("CN=nats-jetstream-test client"),
				clientKeys.getPublic(), notBefore, notAfter, (builder, extensions) -> leafExtensions(builder,
						extensions, ca, clientKeys, KeyPurposeId.id_kp_clientAuth));

		KeyPair otherCaKeys = newKeyPair();
		X500Name otherCaName = new X500Name("CN=nats-jetstream-test unrelated CA");
		X509Certificate otherCa = sign(otherCaName, otherCaKeys, otherCaName, otherCaKeys.getPublic(), notBefore,
				notAfter, (builder, extensions) -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				});

		writePem(caCertificate(), "CERTIFICATE", ca.getEncoded());
		writePem(serverCertificate(), "CERTIFICATE", server.getEncoded());
		writePem(serverPrivateKey(), "PRIVATE KEY", serverKeys.getPrivate().getEncoded());
		writePem(clientCertificate(), "CERTIFICATE", client.getEncoded());
		writePem(clientPrivateKey(), "PRIVATE KEY", clientKeys.getPrivate().getEncoded());
		writePem(otherCaCertificate(), "CERTIFICATE", otherCa.getEncoded());
	}

	private static void leafExtensions(X509v3CertificateBuilder builder, JcaX509ExtensionUtils extensions,
			X509Certificate issuer, KeyPair keys, KeyPurposeId purpose) throws CertIOException, GeneralSecurityException {
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(keys.getPublic()));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(issuer));
	}

	private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject,
			java.security.PublicKey subjectKey, Instant notBefore, Instant notAfter, ExtensionsCustomizer customizer)
			throws GeneralSecurityException, OperatorCreationException, CertIOException {
		BigInteger serial = new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
				Date.from(notAfter), subject, subjectKey);
		customizer.customize(builder, new JcaX509ExtensionUtils());
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate())));
	}

	private static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
		return generator.generateKeyPair();
	}

	private static void writePem(Path file, String type, byte[] der) throws IOException {
		StringWriter text = new StringWriter();
		try (PemWriter writer = new PemWriter(text)) {
			writer.writeObject(new PemObject(type, der));
		}
		Files.writeString(file, text.toString());
	}

	/**
	 * Adds the extensions of one certificate.
	 */
	@FunctionalInterface
	private interface ExtensionsCustomizer {

		void customize(X509v3CertificateBuilder builder, JcaX509ExtensionUtils extensions)
				throws CertIOException, GeneralSecurityException;

	}

}

package io.github.natsjetstream.connection;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An {@link SSLContext} whose client sockets verify that the server's certificate is for
 * the host connected to (endpoint identification as HTTPS does it), which jnats does not
 * ask for. A connection to an IP address, such as a cluster member the server announced,
 * also accepts a certificate for the host name of the configured servers, as the Go
 * client does.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class HostnameVerifyingSslContext extends SSLContext {

	private static final String HTTPS = "HTTPS";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/**
	 * Create a context that verifies host names on top of the given one.
	 * @param delegate the context that provides the key and trust material
	 * @param configuredHostName the host name of the configured servers, accepted for
	 * connections to IP addresses, or {@code null}
	 */
	public HostnameVerifyingSslContext(SSLContext delegate, @Nullable String configuredHostName) {
		super(new Spi(delegate, configuredHostName), delegate.getProvider(), delegate.getProtocol());
	}

	/**
	 * Turn on host name verification on a client socket.
	 * @param socket the socket, before its handshake
	 * @param host the host the socket connects to
	 * @param configuredHostName the host name accepted for connections to IP addresses
	 */
	static void verifyHostname(SSLSocket socket, @Nullable String host, @Nullable String configuredHostName) {
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm(HTTPS);
		if (configuredHostName != null && host != null && isIpAddress(host)) {
			parameters.setServerNames(List.of(new SNIHostName(configuredHostName)));
		}
		socket.setSSLParameters(parameters);
	}

	/**
	 * Return whether the host is an IP address literal rather than a host name.
	 * @param host the host
	 * @return whether it is an IP address
	 */
	static boolean isIpAddress(String host) {
		return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
	}

	private static final class Spi extends SSLContextSpi {

		private final SSLContext delegate;

		private final @Nullable String configuredHostName;

		Spi(SSLContext delegate, @Nullable String configuredHostName) {
			Assert.notNull(delegate, "'delegate' must not be null");
			this.delegate = delegate;
			this.configuredHostName = configuredHostName;
		}

		@Override
		protected void engineInit(KeyManager @Nullable [] keyManagers, TrustManager @Nullable [] trustManagers,
				@Nullable SecureRandom random) throws KeyManagementException {
			this.delegate.init(keyManagers, trustManagers, random);
		}

		@Override
		protected SSLSocketFactory engineGetSocketFactory() {
			return new VerifyingSocketFactory(this.delegate.getSocketFactory(), this.configuredHostName);
		}

		@Override
		protected SSLServerSocketFactory engineGetServerSocketFactory() {
			return this.delegate.getServerSocketFactory();
		}

		@Override
		protected SSLEngine engineCreateSSLEngine() {
			return this.delegate.createSSLEngine();
		}

		@Override
		protected SSLEngine engineCreateSSLEngine(String host, int port) {
			SSLEngine engine = this.delegate.createSSLEngine(host, port);
			SSLParameters parameters = engine.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm(HTTPS);
			engine.setSSLParameters(parameters);
			return engine;
		}

		@Override
		protected SSLSessionContext engineGetServerSessionContext() {
			return this.delegate.getServerSessionContext();
		}

		@Override
		protected SSLSessionContext engineGetClientSessionContext() {
			return this.delegate.getClientSessionContext();
		}

	}

	/**
	 * Creates sockets of the delegate factory with host name verification turned on.
	 */
	private static final class VerifyingSocketFactory extends SSLSocketFactory {

		private final SSLSocketFactory delegate;

		private final @Nullable String configuredHostName;

		VerifyingSocketFactory(SSLSocketFactory delegate, @Nullable String configuredHostName) {
			this.delegate = delegate;
			this.configuredHostName = configuredHostName;
		}

		@Override
		public String[] getDefaultCipherSuites() {
			return this.delegate.getDefaultCipherSuites();
		}

		@Override
		public String[] getSupportedCipherSuites() {
			return this.delegate.getSupportedCipherSuites();
		}

		@Override
		public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
			return verified(this.delegate.createSocket(socket, host, port, autoClose), host);
		}

		@Override
		public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
			return verified(this.delegate.createSocket(socket, consumed, autoClose), null);
		}

		@Override
		public Socket createSocket() throws IOException {
			return verified(this.delegate.createSocket(), null);
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return verified(this.delegate.createSocket(host, port), host);
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return verified(this.delegate.createSocket(host, port, localHost, localPort), host);
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return verified(this.delegate.createSocket(host, port), host.getHostAddress());
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return verified(this.delegate.createSocket(address, port, localAddress, localPort),
					address.getHostAddress());
		}

		private Socket verified(Socket socket, @Nullable String host) {
			if (socket instanceof SSLSocket sslSocket) {
				verifyHostname(sslSocket, host, this.configuredHostName);
			}
			return socket;
		}

	}

}

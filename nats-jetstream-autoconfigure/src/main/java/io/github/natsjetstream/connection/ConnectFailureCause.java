package io.github.natsjetstream.connection;

/**
 * Why a connection to the NATS servers could not be established.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum ConnectFailureCause {

	/**
	 * No server accepted the TCP connection.
	 */
	REFUSED("connection refused (is nats-server running and listening on that address?)"),

	/**
	 * A server did not answer within the connection timeout.
	 */
	TIMEOUT("connection timed out (see nats.connection-timeout)"),

	/**
	 * The server rejected the credentials.
	 */
	AUTHORIZATION("authorization failed (check nats.username/password, nats.token, nats.nkey or nats.credentials)"),

	/**
	 * The credentials could not be read or used to answer the server's challenge: a
	 * {@code .creds} file gone or corrupt, an NKey seed that is no seed.
	 */
	CREDENTIALS("the credentials could not be used (check nats.nkey or the .creds file of nats.credentials)"),

	/**
	 * The server's certificate is trusted but not for the host connected to.
	 */
	HOST_NAME("TLS host name verification failed: the server's certificate is not for the host connected to"),

	/**
	 * TLS could not be negotiated: no TLS on one side, or certificates not trusted.
	 */
	TLS("TLS handshake failed (check the server's certificate against the trust material of nats.ssl.bundle, and tls:// URLs)"),

	/**
	 * The host name could not be resolved.
	 */
	UNKNOWN_HOST("unknown host"),

	/**
	 * None of the above.
	 */
	OTHER("connection failed");

	private final String description;

	ConnectFailureCause(String description) {
		this.description = description;
	}

	/**
	 * Return a description of the cause, for people.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

}

package io.github.natsjetstream.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Details required to establish a connection to NATS servers. Backed by the
 * {@code nats.*} properties by default; Docker Compose and Testcontainers service
 * connections provide their own.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public interface NatsConnectionDetails extends ConnectionDetails {

	/**
	 * Server URLs, for example {@code nats://localhost:4222}.
	 * @return the server URLs
	 */
	List<String> getServers();

	/**
	 * Login user for user/password authentication.
	 * @return the user name, or {@code null}
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * Login password for user/password authentication.
	 * @return the password, or {@code null}
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * Token for token authentication.
	 * @return the token, or {@code null}
	 */
	default @Nullable String getToken() {
		return null;
	}

	/**
	 * NKey seed for NKey authentication.
	 * @return the seed, or {@code null}
	 */
	default @Nullable String getNkey() {
		return null;
	}

	/**
	 * Path to a {@code .creds} file for JWT authentication.
	 * @return the path, or {@code null}
	 */
	default @Nullable String getCredentials() {
		return null;
	}

	/**
	 * SSL bundle providing the key and trust material for TLS.
	 * @return the SSL bundle, or {@code null} to use the JVM's defaults for
	 * {@code tls://} URLs
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}

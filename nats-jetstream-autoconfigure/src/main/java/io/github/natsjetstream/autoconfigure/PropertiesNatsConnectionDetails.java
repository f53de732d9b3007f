package io.github.natsjetstream.autoconfigure;

import java.util.List;

import io.github.natsjetstream.connection.InvalidConnectionSettingException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * {@link NatsConnectionDetails} backed by {@link NatsProperties}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class PropertiesNatsConnectionDetails implements NatsConnectionDetails {

	private final NatsProperties properties;

	private final @Nullable SslBundles sslBundles;

	PropertiesNatsConnectionDetails(NatsProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public List<String> getServers() {
		return this.properties.getServers();
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getToken() {
		return this.properties.getToken();
	}

	@Override
	public @Nullable String getNkey() {
		return this.properties.getNkey();
	}

	@Override
	public @Nullable String getCredentials() {
		return this.properties.getCredentials();
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		String bundleName = this.properties.getSsl().getBundle();
		if (bundleName == null) {
			return null;
		}
		String action = "Declare the bundle under spring.ssl.bundle.pem." + bundleName + " (or .jks." + bundleName
				+ "), or set nats.ssl.bundle to the name of a declared one.";
		if (this.sslBundles == null) {
			throw new InvalidConnectionSettingException("nats.ssl.bundle",
					"SSL bundle '" + bundleName + "' is named but the application has no SSL bundles", action, null);
		}
		try {
			return this.sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConnectionSettingException("nats.ssl.bundle", "no SSL bundle '" + bundleName
					+ "' is declared", action, ex);
		}
	}

}

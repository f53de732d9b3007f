package io.github.natsjetstream.autoconfigure;

import java.security.NoSuchAlgorithmException;
import java.util.List;

import javax.net.ssl.SSLContext;

import io.github.natsjetstream.connection.CredentialsCheck;
import io.github.natsjetstream.connection.HostnameVerifyingSslContext;
import io.github.natsjetstream.connection.InvalidConnectionSettingException;
import io.github.natsjetstream.connection.NatsConnectionEventLogger;
import io.github.natsjetstream.connection.ServerUrls;
import io.github.natsjetstream.connection.ServerUrls.UserInfo;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.Assert;

/**
 * Applies the {@code nats.*} properties and the {@link NatsConnectionDetails} to a jnats
 * {@link Options.Builder}. Usable on builders of the application's own, for example to
 * open a second connection configured like the first.
 * <p>
 * Server URLs, the NKey seed and the {@code .creds} file are checked first, so that a
 * mistake fails with an {@link InvalidConnectionSettingException} naming the property
 * whether or not the server asks for credentials. TLS verifies that the server's
 * certificate is for the host connected to unless {@code nats.ssl.verify-hostname} is
 * off.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsOptionsConfigurer {

	private static final Log logger = LogFactory.getLog(NatsOptionsConfigurer.class);

	private final NatsProperties properties;

	private final NatsConnectionDetails connectionDetails;

	private final @Nullable String defaultConnectionName;

	/**
	 * Create a new configurer.
	 * @param properties the properties
	 * @param connectionDetails the connection details
	 * @param defaultConnectionName the connection name to use when
	 * {@code nats.connection-name} is not set, usually the application name
	 */
	public NatsOptionsConfigurer(NatsProperties properties, NatsConnectionDetails connectionDetails,
			@Nullable String defaultConnectionName) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(connectionDetails, "'connectionDetails' must not be null");
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.defaultConnectionName = defaultConnectionName;
	}

	/**
	 * Configure the given builder.
	 * @param builder the builder to configure
	 */
	public void configure(Options.Builder builder) {
		Assert.notNull(builder, "'builder' must not be null");
		List<String> servers = this.connectionDetails.getServers();
		ServerUrls.check("nats.servers", servers);
		configureServersAndAuthentication(builder, servers);
		configureTls(builder, servers);
		PropertyMapper map = PropertyMapper.get();
		NatsProperties properties = this.properties;
		String connectionName = (properties.getConnectionName() != null) ? properties.getConnectionName()
				: this.defaultConnectionName;
		map.from(connectionName).to(builder::connectionName);
		map.from(properties::getConnectionTimeout).to(builder::connectionTimeout);
		map.from(properties::getReconnectWait).to(builder::reconnectWait);
		map.from(properties::getMaxReconnects).to(builder::maxReconnects);
		map.from(properties::getPingInterval).to(builder::pingInterval);
		map.from(properties::getInboxPrefix).to(builder::inboxPrefix);
		NatsConnectionEventLogger eventLogger = new NatsConnectionEventLogger();
		builder.connectionListener(eventLogger).errorListener(eventLogger);
	}

	private void configureServersAndAuthentication(Options.Builder builder, List<String> servers) {
		builder.servers(ServerUrls.redact(servers).toArray(String[]::new));
		UserInfo urlUserInfo = ServerUrls.userInfo(servers);
		String username = firstNonNull(this.connectionDetails.getUsername(),
				(urlUserInfo != null) ? urlUserInfo.username() : null);
		String password = firstNonNull(this.connectionDetails.getPassword(),
				(urlUserInfo != null) ? urlUserInfo.password() : null);
		String token = firstNonNull(this.connectionDetails.getToken(),
				(urlUserInfo != null) ? urlUserInfo.token() : null);
		if (username != null) {
			builder.userInfo(username.toCharArray(), (password != null) ? password.toCharArray() : new char[0]);
		}
		if (token != null) {
			builder.token(token.toCharArray());
		}
		String nkey = this.connectionDetails.getNkey();
		String credentials = this.connectionDetails.getCredentials();
		if (nkey != null && credentials != null) {
			throw new InvalidConnectionSettingException("nats.nkey",
					"it is set together with nats.credentials, whose .creds file holds an NKey seed already",
					"Set one of them only: nats.credentials for a .creds file, nats.nkey for a bare seed.", null);
		}
		if (nkey != null) {
			CredentialsCheck.nkeySeed("nats.nkey", nkey);
			builder.authHandler(Nats.staticCredentials(null, nkey.trim().toCharArray()));
		}
		if (credentials != null) {
			CredentialsCheck.credentialsFile("nats.credentials", credentials);
			builder.credentialPath(credentials);
		}
	}

	/**
	 * Use TLS when an SSL bundle is given or a URL asks for it, verifying the server's
	 * host name unless {@code nats.ssl.verify-hostname} is off.
	 */
	private void configureTls(Options.Builder builder, List<String> servers) {
		SslBundle sslBundle = this.connectionDetails.getSslBundle();
		if (sslBundle == null && !ServerUrls.anySecure(servers)) {
			return;
		}
		SSLContext sslContext = (sslBundle != null) ? sslBundle.createSslContext() : defaultSslContext();
		if (!this.properties.getSsl().isVerifyHostname()) {
			logger.warn("TLS host name verification is off (nats.ssl.verify-hostname=false): any certificate the "
					+ "trust material accepts is taken, whichever host it was issued for");
			builder.sslContext(sslContext);
			return;
		}
		builder.sslContext(new HostnameVerifyingSslContext(sslContext, ServerUrls.firstHostName(servers)));
		// Connect to configured servers by name (trying each of its addresses), so that their
		// certificates are checked against the name rather than an address
		builder.hostnameResolveMode(Options.HostnameResolveMode.HappyEyeballs);
	}

	private static SSLContext defaultSslContext() {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No default SSLContext for tls:// server URLs", ex);
		}
	}

	private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

}

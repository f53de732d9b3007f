package io.github.natsjetstream.autoconfigure;

import java.util.List;

import io.github.natsjetstream.connection.NatsConnectionEventLogger;
import io.github.natsjetstream.connection.ServerUrls;
import io.github.natsjetstream.connection.ServerUrls.UserInfo;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.Assert;

/**
 * Applies the {@code nats.*} properties and the {@link NatsConnectionDetails} to a jnats
 * {@link Options.Builder}. Usable on builders of the application's own, for example to
 * open a second connection configured like the first.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsOptionsConfigurer {

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
		configureServersAndAuthentication(builder);
		SslBundle sslBundle = this.connectionDetails.getSslBundle();
		if (sslBundle != null) {
			builder.sslContext(sslBundle.createSslContext());
		}
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

	private void configureServersAndAuthentication(Options.Builder builder) {
		List<String> servers = this.connectionDetails.getServers();
		Assert.state(!servers.isEmpty(), "No NATS server configured: set nats.servers");
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
		Assert.state(nkey == null || credentials == null,
				"nats.nkey and nats.credentials are mutually exclusive: a .creds file already holds the NKey seed");
		if (nkey != null) {
			builder.authHandler(Nats.staticCredentials(null, nkey.toCharArray()));
		}
		if (credentials != null) {
			builder.credentialPath(credentials);
		}
	}

	private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

}

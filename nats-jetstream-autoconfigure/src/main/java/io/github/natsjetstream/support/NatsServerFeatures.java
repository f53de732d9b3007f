package io.github.natsjetstream.support;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ServerInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * What the connected {@code nats-server} supports: its version, its JetStream API level,
 * and whether it has a {@link ServerFeature}. The one place that decides whether a
 * setting can be used with the server at hand.
 * <p>
 * The version is read from the connection each time it is asked for, so a connection
 * that connects in the background, or reconnects to another server, is answered for the
 * server it is connected to at the time.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsServerFeatures {

	private final Connection connection;

	private final JetStreamManagement management;

	private final Object monitor = new Object();

	private @Nullable String apiLevelServerId;

	private int apiLevel;

	/**
	 * Create a new instance.
	 * @param connection the connection to the server
	 * @param management the management context, to read the JetStream API level
	 */
	public NatsServerFeatures(Connection connection, JetStreamManagement management) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(management, "'management' must not be null");
		this.connection = connection;
		this.management = management;
	}

	/**
	 * Return the version of the connected server.
	 * @return the version, for example {@code 2.10.22}, or {@code null} while not
	 * connected
	 */
	public @Nullable String getServerVersion() {
		return version(this.connection.getServerInfo());
	}

	private static @Nullable String version(@Nullable ServerInfo serverInfo) {
		String version = (serverInfo != null) ? serverInfo.getVersion() : null;
		return StringUtils.hasText(version) ? version : null;
	}

	/**
	 * Return the JetStream API level of the connected server, which servers report from
	 * 2.11 (level 1). Read from the server once per server connected to (one JetStream
	 * API request); servers before 2.11 are not asked.
	 * @return the API level; {@code 0} for servers before 2.11 and while not connected
	 * @throws NatsJetStreamException if the server could not be asked
	 */
	public int getApiLevel() {
		ServerInfo serverInfo = this.connection.getServerInfo();
		String version = version(serverInfo);
		if (serverInfo == null || version == null || !ServerFeature.API_LEVEL.isSupportedBy(version)) {
			return 0;
		}
		String serverId = serverInfo.getServerId();
		synchronized (this.monitor) {
			if (serverId == null || !serverId.equals(this.apiLevelServerId)) {
				this.apiLevel = readApiLevel();
				this.apiLevelServerId = serverId;
			}
			return this.apiLevel;
		}
	}

	private int readApiLevel() {
		try {
			return this.management.getAccountStatistics().getApi().getLevel();
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException("Unable to read the JetStream API level of the server", ex);
		}
	}

	/**
	 * Return whether the connected server has the given feature.
	 * @param feature the feature
	 * @return whether the server has it; {@code false} while not connected
	 */
	public boolean supports(ServerFeature feature) {
		Assert.notNull(feature, "'feature' must not be null");
		String version = getServerVersion();
		return version != null && feature.isSupportedBy(version);
	}

	/**
	 * Check that the connected server has the feature a setting needs. While not
	 * connected, nothing is checked: the server judges the request once it is sent.
	 * @param feature the feature
	 * @param culprit the setting that uses the feature, as the user wrote it (a property
	 * such as {@code nats.jetstream.streams.ORDERS.compression}, or an annotation
	 * attribute)
	 * @throws UnsupportedServerFeatureException if the connected server lacks the feature
	 */
	public void require(ServerFeature feature, String culprit) {
		Assert.notNull(feature, "'feature' must not be null");
		Assert.hasText(culprit, "'culprit' must not be empty");
		String version = getServerVersion();
		if (version != null && !feature.isSupportedBy(version)) {
			throw new UnsupportedServerFeatureException(feature, culprit, version);
		}
	}

	@Override
	public String toString() {
		String version = getServerVersion();
		return "NatsServerFeatures for nats-server " + ((version != null) ? version : "(not connected)");
	}

}

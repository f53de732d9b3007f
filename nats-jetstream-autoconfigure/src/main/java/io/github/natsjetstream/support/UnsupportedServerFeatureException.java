package io.github.natsjetstream.support;

/**
 * Thrown when a setting needs a JetStream feature that the connected {@code nats-server}
 * lacks. The message names the setting, the version it needs and the version the server
 * runs.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see NatsServerFeatures#require(ServerFeature, String)
 */
public class UnsupportedServerFeatureException extends NatsJetStreamException {

	private final ServerFeature feature;

	private final String culprit;

	private final String serverVersion;

	/**
	 * Create a new instance.
	 * @param feature the feature the server lacks
	 * @param culprit the setting that uses the feature, as the user wrote it
	 * @param serverVersion the version of the connected server
	 */
	public UnsupportedServerFeatureException(ServerFeature feature, String culprit, String serverVersion) {
		super(feature.describeRequirement(culprit) + "; the connected server runs " + serverVersion
				+ ". Upgrade the server, or remove the setting.");
		this.feature = feature;
		this.culprit = culprit;
		this.serverVersion = serverVersion;
	}

	/**
	 * Return the feature the server lacks.
	 * @return the feature
	 */
	public ServerFeature getFeature() {
		return this.feature;
	}

	/**
	 * Return the setting that uses the feature.
	 * @return the setting, as the user wrote it
	 */
	public String getCulprit() {
		return this.culprit;
	}

	/**
	 * Return the version of the connected server.
	 * @return the server version
	 */
	public String getServerVersion() {
		return this.serverVersion;
	}

}

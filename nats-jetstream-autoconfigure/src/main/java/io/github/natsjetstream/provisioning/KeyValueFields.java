package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.List;

import io.nats.client.api.KeyValueConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a key-value bucket configuration that provisioning compares, with the
 * server's defaults and JetStream's rules for changing an existing bucket (whose backing
 * stream is {@code KV_<bucket>}): all can change in place except {@code storage}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class KeyValueFields {

	/**
	 * Description of the bucket.
	 */
	public static final String DESCRIPTION = "description";

	/**
	 * Number of values kept per key.
	 */
	public static final String HISTORY = "history";

	/**
	 * Time after which a value expires.
	 */
	public static final String TTL = "ttl";

	/**
	 * Maximum size of the bucket in bytes.
	 */
	public static final String MAX_BYTES = "max_bytes";

	/**
	 * Storage type.
	 */
	public static final String STORAGE = "storage";

	/**
	 * Number of replicas.
	 */
	public static final String REPLICAS = "replicas";

	private static final ConfigurationDiffer<KeyValueConfiguration> DIFFER = new ConfigurationDiffer<>(List.of(
			ConfigurationField.updatable(DESCRIPTION, KeyValueFields::description),
			ConfigurationField.updatable(HISTORY,
					(KeyValueConfiguration config) -> Math.max(config.getMaxHistoryPerKey(), 1L)),
			ConfigurationField.updatable(TTL, KeyValueFields::ttl).formattedWith(ConfigurationValues::formatAge),
			ConfigurationField.updatable(MAX_BYTES,
					(KeyValueConfiguration config) -> (config.getMaxBucketSize() <= 0) ? -1L
							: config.getMaxBucketSize())
				.formattedWith(ConfigurationValues::formatSize),
			ConfigurationField.immutable(STORAGE, KeyValueConfiguration::getStorageType),
			ConfigurationField.updatable(REPLICAS,
					(KeyValueConfiguration config) -> Math.max(config.getReplicas(), 1))));

	private KeyValueFields() {
	}

	/**
	 * Return the differ for key-value bucket configurations.
	 * @return the differ
	 */
	public static ConfigurationDiffer<KeyValueConfiguration> differ() {
		return DIFFER;
	}

	private static @Nullable String description(KeyValueConfiguration configuration) {
		String description = configuration.getDescription();
		return (description == null || description.isEmpty()) ? null : description;
	}

	private static Duration ttl(KeyValueConfiguration configuration) {
		Duration ttl = configuration.getTtl();
		return (ttl == null || ttl.isNegative()) ? Duration.ZERO : ttl;
	}

}

package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.api.KeyValueConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a key-value bucket configuration that provisioning compares, with the
 * server's defaults and JetStream's rules for changing an existing bucket (whose backing
 * stream is {@code KV_<bucket>}): all can change in place except {@code storage} and
 * {@code mirror}. Metadata keys of the server ({@code _nats.*}) and of this library are
 * not compared: see {@link ManagedMetadata}.
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

	/**
	 * Whether stored values are compressed.
	 */
	public static final String COMPRESSION = "compression";

	/**
	 * Metadata of the bucket.
	 */
	public static final String METADATA = "metadata";

	/**
	 * Republishing of stored values.
	 */
	public static final String REPUBLISH = "republish";

	/**
	 * Bucket mirrored by this one.
	 */
	public static final String MIRROR = "mirror";

	/**
	 * Buckets sourced by this one.
	 */
	public static final String SOURCES = "sources";

	/**
	 * Time to live of the markers left when a key is removed by the bucket's limits.
	 */
	public static final String LIMIT_MARKER_TTL = "limit_marker_ttl";

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
					(KeyValueConfiguration config) -> Math.max(config.getReplicas(), 1)),
			ConfigurationField.updatable(COMPRESSION, KeyValueConfiguration::isCompressed)
				.requires(ServerFeature.COMPRESSION, KeyValueConfiguration::isCompressed),
			ConfigurationField.updatable(METADATA, KeyValueFields::metadata)
				.requires(ServerFeature.METADATA, (KeyValueConfiguration config) -> !metadata(config).isEmpty()),
			ConfigurationField.updatable(REPUBLISH,
					(KeyValueConfiguration config) -> StreamFields.json(config.getRepublish())),
			ConfigurationField.immutable(MIRROR, (KeyValueConfiguration config) -> StreamFields.json(config.getMirror()))
				.requires(ServerFeature.SUBJECT_TRANSFORMS,
						(KeyValueConfiguration config) -> StreamFields.hasSubjectTransforms(config.getMirror())),
			ConfigurationField.updatable(SOURCES, (KeyValueConfiguration config) -> StreamFields.json(config.getSources()))
				.requires(ServerFeature.SUBJECT_TRANSFORMS,
						(KeyValueConfiguration config) -> config.getSources()
							.stream()
							.anyMatch(StreamFields::hasSubjectTransforms)),
			ConfigurationField.updatable(LIMIT_MARKER_TTL, KeyValueFields::limitMarkerTtl)
				.requires(ServerFeature.KEY_VALUE_LIMIT_MARKERS,
						(KeyValueConfiguration config) -> limitMarkerTtl(config) != null)));

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

	private static Map<String, String> metadata(KeyValueConfiguration configuration) {
		return ManagedMetadata.declarable(configuration.getMetadata());
	}

	private static @Nullable Duration limitMarkerTtl(KeyValueConfiguration configuration) {
		Duration ttl = configuration.getLimitMarkerTtl();
		return (ttl == null || ttl.isZero() || ttl.isNegative()) ? null : ttl;
	}

	private static Duration ttl(KeyValueConfiguration configuration) {
		Duration ttl = configuration.getTtl();
		return (ttl == null || ttl.isNegative()) ? Duration.ZERO : ttl;
	}

}

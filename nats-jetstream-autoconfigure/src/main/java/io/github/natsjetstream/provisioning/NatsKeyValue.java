package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.Mirror;
import io.nats.client.api.Republish;
import io.nats.client.api.Source;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Declaration of a JetStream key-value bucket to provision at startup. Declare one as a
 * bean, or under {@code nats.jetstream.key-value.<bucket>}. Only the fields that were set
 * are declared: only those are compared with the bucket on the server and changed by an
 * update.
 * <p>
 * The metadata of this library ({@link ManagedMetadata}) is added when the bucket is
 * created or updated. Settings that need a newer server than 2.9 are checked against
 * the connected server before anything is sent: see {@link #getRequiredFeatures()}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see KeyValueFields
 */
public final class NatsKeyValue {

	private final String bucket;

	private final KeyValueConfiguration configuration;

	private final Set<String> declaredFields;

	private final List<Consumer<KeyValueConfiguration.Builder>> customizers;

	private final SettingNames settingNames;

	private NatsKeyValue(String bucket, KeyValueConfiguration configuration, Set<String> declaredFields,
			List<Consumer<KeyValueConfiguration.Builder>> customizers, SettingNames settingNames) {
		this.bucket = bucket;
		this.configuration = configuration;
		this.declaredFields = declaredFields;
		this.customizers = customizers;
		this.settingNames = settingNames;
	}

	/**
	 * Start the declaration of a bucket.
	 * @param bucket the name of the bucket
	 * @return a builder
	 * @throws IllegalArgumentException if the name is not a valid bucket name
	 */
	public static Builder builder(String bucket) {
		return new Builder(bucket);
	}

	/**
	 * Return the name of the bucket.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * Return the configuration to create the bucket with.
	 * @return the configuration
	 */
	public KeyValueConfiguration getConfiguration() {
		return this.configuration;
	}

	/**
	 * Return the names of the declared fields, as in {@link KeyValueFields}.
	 * @return the declared fields
	 */
	public Set<String> getDeclaredFields() {
		return this.declaredFields;
	}

	/**
	 * Return the server features that the declared settings need, by setting: the
	 * property as the user wrote it (such as
	 * {@code nats.jetstream.key-value.cache.compression}) for a declaration bound from
	 * configuration properties, otherwise the setting of the declaration.
	 * @return the features needed, empty if none
	 */
	public Map<String, ServerFeature> getRequiredFeatures() {
		return this.settingNames
			.named(KeyValueFields.differ().requiredFeatures(this.configuration, this.declaredFields));
	}

	/**
	 * Return the configuration that updates the given bucket to this declaration: the
	 * current configuration with the declared fields replaced.
	 * @param current the configuration of the bucket on the server
	 * @return the configuration to update the bucket with
	 */
	public KeyValueConfiguration merge(KeyValueConfiguration current) {
		Assert.notNull(current, "'current' must not be null");
		KeyValueConfiguration.Builder builder = copy(current);
		this.customizers.forEach((customizer) -> customizer.accept(builder));
		return builder.build();
	}

	/**
	 * Start a builder with everything of the given configuration.
	 * @param configuration the configuration to copy
	 * @return a builder
	 */
	static KeyValueConfiguration.Builder copy(KeyValueConfiguration configuration) {
		return new CopyingKeyValueBuilder(configuration);
	}

	/**
	 * Compare the declared fields with the given bucket.
	 * @param current the configuration of the bucket on the server
	 * @return the differences, empty if the bucket matches this declaration
	 */
	public List<ConfigurationDifference> compare(KeyValueConfiguration current) {
		Assert.notNull(current, "'current' must not be null");
		return KeyValueFields.differ().compare(current, merge(current), this.declaredFields);
	}

	@Override
	public String toString() {
		return "NatsKeyValue '" + this.bucket + "' " + this.declaredFields;
	}

	/**
	 * Builder of a {@link NatsKeyValue} that declares only the fields that are set.
	 */
	public static final class Builder {

		private final String bucket;

		private final Map<String, Consumer<KeyValueConfiguration.Builder>> customizers = new LinkedHashMap<>();

		private final Map<String, String> settings = new LinkedHashMap<>();

		private @Nullable String propertyPrefix;

		private Builder(String bucket) {
			Assert.hasText(bucket, "'bucket' must not be empty");
			try {
				KeyValueConfiguration.builder().name(bucket);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid key-value bucket name '" + bucket + "': " + ex.getMessage(),
						ex);
			}
			this.bucket = bucket;
		}

		/**
		 * Declare the number of values kept per key.
		 * @param history the number of values, from 1 to 64
		 * @return this builder
		 */
		public Builder history(int history) {
			Assert.isTrue(history >= 1 && history <= 64, "'history' must be between 1 and 64");
			return declare(KeyValueFields.HISTORY, "history", (builder) -> builder.maxHistoryPerKey(history));
		}

		/**
		 * Declare the time after which a value expires.
		 * @param ttl the time to live; zero for unlimited
		 * @return this builder
		 */
		public Builder ttl(Duration ttl) {
			Assert.isTrue(ttl != null && !ttl.isNegative(), "'ttl' must not be null or negative");
			return declare(KeyValueFields.TTL, "ttl", (builder) -> builder.ttl(ttl));
		}

		/**
		 * Declare the maximum size of the bucket.
		 * @param maxBytes the maximum size in bytes; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxBytes(long maxBytes) {
			Assert.isTrue(maxBytes > 0 || maxBytes == -1, "'maxBytes' must be greater than zero, or -1 for unlimited");
			return declare(KeyValueFields.MAX_BYTES, "max-bytes", (builder) -> builder.maxBucketSize(maxBytes));
		}

		/**
		 * Declare the storage type.
		 * @param storage the storage type
		 * @return this builder
		 */
		public Builder storage(StorageType storage) {
			Assert.notNull(storage, "'storage' must not be null");
			return declare(KeyValueFields.STORAGE, "storage", (builder) -> builder.storageType(storage.toJnats()));
		}

		/**
		 * Declare the number of replicas.
		 * @param replicas the number of replicas, from 1 to 5
		 * @return this builder
		 */
		public Builder replicas(int replicas) {
			Assert.isTrue(replicas >= 1 && replicas <= 5, "'replicas' must be between 1 and 5");
			return declare(KeyValueFields.REPLICAS, "replicas", (builder) -> builder.replicas(replicas));
		}

		/**
		 * Declare the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			Assert.notNull(description, "'description' must not be null");
			return declare(KeyValueFields.DESCRIPTION, "description", (builder) -> builder.description(description));
		}

		/**
		 * Declare whether stored values are compressed (nats-server 2.10 or later).
		 * @param compression whether values are compressed with S2
		 * @return this builder
		 */
		public Builder compression(boolean compression) {
			return declare(KeyValueFields.COMPRESSION, "compression", (builder) -> builder.compression(compression));
		}

		/**
		 * Declare the metadata of the bucket (nats-server 2.10 or later). Replaces the
		 * bucket's metadata, except the entries of the server and of this library.
		 * @param metadata the metadata
		 * @return this builder
		 * @throws IllegalArgumentException if a key is reserved (see
		 * {@link ManagedMetadata})
		 */
		public Builder metadata(Map<String, String> metadata) {
			Map<String, String> copy = ManagedMetadata.checkDeclarable(metadata);
			return declare(KeyValueFields.METADATA, "metadata", (builder) -> builder.metadata(new LinkedHashMap<>(copy)));
		}

		/**
		 * Declare that every value stored is also published on another subject.
		 * @param source the subjects of the bucket to republish, such as
		 * {@code $KV.cache.>}
		 * @param destination the subject to republish on, with {@code {{wildcard(n)}}}
		 * for the source's wildcards
		 * @param headersOnly whether only the headers are republished, not the value
		 * @return this builder
		 */
		public Builder republish(String source, String destination, boolean headersOnly) {
			Assert.hasText(source, "'source' must not be empty");
			Assert.hasText(destination, "'destination' must not be empty");
			Republish republish = Republish.builder()
				.source(source)
				.destination(destination)
				.headersOnly(headersOnly)
				.build();
			return declare(KeyValueFields.REPUBLISH, "republish", (builder) -> builder.republish(republish));
		}

		/**
		 * Declare the bucket this bucket mirrors (by bucket name). Cannot change once the
		 * bucket exists.
		 * @param mirror the mirror
		 * @return this builder
		 */
		public Builder mirror(Mirror mirror) {
			Assert.notNull(mirror, "'mirror' must not be null");
			return declare(KeyValueFields.MIRROR, "mirror", (builder) -> builder.mirror(mirror));
		}

		/**
		 * Declare the buckets whose values this bucket copies (by bucket name).
		 * @param sources the sources
		 * @return this builder
		 */
		public Builder sources(Source... sources) {
			Assert.noNullElements(sources, "'sources' must not contain null elements");
			return sources(Arrays.asList(sources));
		}

		/**
		 * Declare the buckets whose values this bucket copies (by bucket name).
		 * @param sources the sources
		 * @return this builder
		 */
		public Builder sources(Collection<Source> sources) {
			Assert.notNull(sources, "'sources' must not be null");
			List<Source> copy = List.copyOf(sources);
			return declare(KeyValueFields.SOURCES, "sources", (builder) -> builder.sources(copy));
		}

		/**
		 * Declare how long the marker lives that the bucket leaves when its limits (the
		 * TTL) remove a key (nats-server 2.11 or later). The server then allows
		 * per-message TTLs, which cannot be switched off again.
		 * @param limitMarkerTtl the time to live of a marker, at least one second; zero
		 * for no markers
		 * @return this builder
		 */
		public Builder limitMarkerTtl(Duration limitMarkerTtl) {
			Assert.isTrue(limitMarkerTtl != null
					&& (limitMarkerTtl.isZero() || limitMarkerTtl.compareTo(Duration.ofSeconds(1)) >= 0),
					"'limitMarkerTtl' must be zero or at least one second");
			long millis = limitMarkerTtl.toMillis();
			return declare(KeyValueFields.LIMIT_MARKER_TTL, "limit-marker-ttl",
					(builder) -> builder.limitMarker(millis));
		}

		/**
		 * Name the configuration properties this declaration is bound from, so that
		 * errors name the property the user wrote.
		 * @param propertyPrefix the prefix, for example
		 * {@code nats.jetstream.key-value.cache}
		 * @return this builder
		 */
		public Builder propertyPrefix(String propertyPrefix) {
			Assert.hasText(propertyPrefix, "'propertyPrefix' must not be empty");
			this.propertyPrefix = propertyPrefix;
			return this;
		}

		private Builder declare(String field, String setting, Consumer<KeyValueConfiguration.Builder> customizer) {
			this.customizers.put(field, customizer);
			this.settings.put(field, setting);
			return this;
		}

		/**
		 * Build the declaration.
		 * @return the declaration
		 */
		public NatsKeyValue build() {
			KeyValueConfiguration.Builder builder = KeyValueConfiguration.builder().name(this.bucket);
			List<Consumer<KeyValueConfiguration.Builder>> customizers = List.copyOf(this.customizers.values());
			customizers.forEach((customizer) -> customizer.accept(builder));
			return new NatsKeyValue(this.bucket, builder.build(),
					Collections.unmodifiableSet(new LinkedHashSet<>(this.customizers.keySet())), customizers,
					new SettingNames("NatsKeyValue '" + this.bucket + "'", this.propertyPrefix, this.settings));
		}

	}

}

package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.nats.client.api.KeyValueConfiguration;

import org.springframework.util.Assert;

/**
 * Declaration of a JetStream key-value bucket to provision at startup. Declare one as a
 * bean, or under {@code nats.jetstream.key-value.<bucket>}. Only the fields that were set
 * are declared: only those are compared with the bucket on the server and changed by an
 * update.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see KeyValueFields
 */
public final class NatsKeyValue {

	private final String bucket;

	private final KeyValueConfiguration configuration;

	private final Set<String> declaredFields;

	private final List<Consumer<KeyValueConfiguration.Builder>> customizers;

	private NatsKeyValue(String bucket, KeyValueConfiguration configuration, Set<String> declaredFields,
			List<Consumer<KeyValueConfiguration.Builder>> customizers) {
		this.bucket = bucket;
		this.configuration = configuration;
		this.declaredFields = declaredFields;
		this.customizers = customizers;
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
	 * Return the configuration that updates the given bucket to this declaration: the
	 * current configuration with the declared fields replaced.
	 * @param current the configuration of the bucket on the server
	 * @return the configuration to update the bucket with
	 */
	public KeyValueConfiguration merge(KeyValueConfiguration current) {
		Assert.notNull(current, "'current' must not be null");
		// The copying builder forgets the TTL, from which it derives the duplicate window
		KeyValueConfiguration.Builder builder = KeyValueConfiguration.builder(current).ttl(current.getTtl());
		this.customizers.forEach((customizer) -> customizer.accept(builder));
		return builder.build();
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
			return declare(KeyValueFields.HISTORY, (builder) -> builder.maxHistoryPerKey(history));
		}

		/**
		 * Declare the time after which a value expires.
		 * @param ttl the time to live; zero for unlimited
		 * @return this builder
		 */
		public Builder ttl(Duration ttl) {
			Assert.isTrue(ttl != null && !ttl.isNegative(), "'ttl' must not be null or negative");
			return declare(KeyValueFields.TTL, (builder) -> builder.ttl(ttl));
		}

		/**
		 * Declare the maximum size of the bucket.
		 * @param maxBytes the maximum size in bytes; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxBytes(long maxBytes) {
			Assert.isTrue(maxBytes > 0 || maxBytes == -1, "'maxBytes' must be greater than zero, or -1 for unlimited");
			return declare(KeyValueFields.MAX_BYTES, (builder) -> builder.maxBucketSize(maxBytes));
		}

		/**
		 * Declare the storage type.
		 * @param storage the storage type
		 * @return this builder
		 */
		public Builder storage(StorageType storage) {
			Assert.notNull(storage, "'storage' must not be null");
			return declare(KeyValueFields.STORAGE, (builder) -> builder.storageType(storage.toJnats()));
		}

		/**
		 * Declare the number of replicas.
		 * @param replicas the number of replicas, from 1 to 5
		 * @return this builder
		 */
		public Builder replicas(int replicas) {
			Assert.isTrue(replicas >= 1 && replicas <= 5, "'replicas' must be between 1 and 5");
			return declare(KeyValueFields.REPLICAS, (builder) -> builder.replicas(replicas));
		}

		/**
		 * Declare the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			Assert.notNull(description, "'description' must not be null");
			return declare(KeyValueFields.DESCRIPTION, (builder) -> builder.description(description));
		}

		private Builder declare(String field, Consumer<KeyValueConfiguration.Builder> customizer) {
			this.customizers.put(field, customizer);
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
					Collections.unmodifiableSet(new LinkedHashSet<>(this.customizers.keySet())), customizers);
		}

	}

}

package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.natsjetstream.routing.SubjectPattern;
import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Declaration of a JetStream stream to provision at startup. Declare one as a bean, or
 * under {@code nats.jetstream.streams.<name>}.
 * <p>
 * A declaration built with {@link #builder(String)} declares only the fields that were
 * set: only those are compared with the stream on the server and changed by an update;
 * the others keep whatever the server has. A declaration made {@link #of(StreamConfiguration)
 * of a jnats StreamConfiguration} declares the whole configuration: every field that
 * {@link StreamFields} knows is compared, with the server's defaults for those left at
 * jnats' defaults.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see StreamFields
 */
public final class NatsStream {

	private final String name;

	private final StreamConfiguration configuration;

	private final Set<String> declaredFields;

	private final @Nullable List<Consumer<StreamConfiguration.Builder>> customizers;

	private NatsStream(String name, StreamConfiguration configuration, Set<String> declaredFields,
			@Nullable List<Consumer<StreamConfiguration.Builder>> customizers) {
		this.name = name;
		this.configuration = configuration;
		this.declaredFields = declaredFields;
		this.customizers = customizers;
	}

	/**
	 * Declare a stream with a complete jnats configuration, for settings that the
	 * builder does not cover (sources, mirror, republish, placement...). Every field
	 * that {@link StreamFields} knows is declared.
	 * @param configuration the configuration of the stream
	 * @return the declaration
	 */
	public static NatsStream of(StreamConfiguration configuration) {
		Assert.notNull(configuration, "'configuration' must not be null");
		return new NatsStream(configuration.getName(), configuration, StreamFields.differ().getFieldNames(), null);
	}

	/**
	 * Start the declaration of a stream that declares only what is set.
	 * @param name the name of the stream
	 * @return a builder
	 * @throws IllegalArgumentException if the name is not a valid stream name
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Return the name of the stream.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the configuration to create the stream with.
	 * @return the configuration
	 */
	public StreamConfiguration getConfiguration() {
		return this.configuration;
	}

	/**
	 * Return the names of the declared fields, as in {@link StreamFields}.
	 * @return the declared fields
	 */
	public Set<String> getDeclaredFields() {
		return this.declaredFields;
	}

	/**
	 * Return the configuration that updates the given stream to this declaration: the
	 * current configuration with the declared fields replaced; for a declaration of a
	 * complete configuration, that configuration.
	 * @param current the configuration of the stream on the server
	 * @return the configuration to update the stream with
	 */
	public StreamConfiguration merge(StreamConfiguration current) {
		Assert.notNull(current, "'current' must not be null");
		if (this.customizers == null) {
			return this.configuration;
		}
		StreamConfiguration.Builder builder = StreamConfiguration.builder(current);
		this.customizers.forEach((customizer) -> customizer.accept(builder));
		if (this.declaredFields.contains(StreamFields.MAX_AGE)
				&& !this.declaredFields.contains(StreamFields.DUPLICATE_WINDOW) && current.getDuplicateWindow() != null
				&& current.getDuplicateWindow().equals(StreamFields.defaultDuplicateWindow(current))) {
			// The server derived the window from the old maximum age: let it derive it again
			builder.duplicateWindow(Duration.ZERO);
		}
		return builder.build();
	}

	/**
	 * Compare the declared fields with the given stream.
	 * @param current the configuration of the stream on the server
	 * @return the differences, empty if the stream matches this declaration
	 */
	public List<ConfigurationDifference> compare(StreamConfiguration current) {
		Assert.notNull(current, "'current' must not be null");
		return StreamFields.differ().compare(current, merge(current), this.declaredFields);
	}

	@Override
	public String toString() {
		return "NatsStream '" + this.name + "' " + this.declaredFields;
	}

	/**
	 * Builder of a {@link NatsStream} that declares only the fields that are set.
	 */
	public static final class Builder {

		private final String name;

		private final Map<String, Consumer<StreamConfiguration.Builder>> customizers = new LinkedHashMap<>();

		private Builder(String name) {
			Assert.hasText(name, "'name' must not be empty");
			try {
				StreamConfiguration.builder().name(name);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid stream name '" + name + "': " + ex.getMessage(), ex);
			}
			this.name = name;
		}

		/**
		 * Declare the subjects the stream captures.
		 * @param subjects the subjects; wildcards allowed
		 * @return this builder
		 * @throws IllegalArgumentException if a subject is not a valid subject pattern
		 */
		public Builder subjects(String... subjects) {
			Assert.notNull(subjects, "'subjects' must not be null");
			return subjects(Arrays.asList(subjects));
		}

		/**
		 * Declare the subjects the stream captures.
		 * @param subjects the subjects; wildcards allowed
		 * @return this builder
		 * @throws IllegalArgumentException if a subject is not a valid subject pattern
		 */
		public Builder subjects(Collection<String> subjects) {
			Assert.notEmpty(subjects, "'subjects' must not be empty");
			List<String> copy = new ArrayList<>(new LinkedHashSet<>(subjects));
			copy.forEach(SubjectPattern::of);
			return declare(StreamFields.SUBJECTS, (builder) -> builder.subjects(copy));
		}

		/**
		 * Declare the storage type.
		 * @param storage the storage type
		 * @return this builder
		 */
		public Builder storage(StorageType storage) {
			Assert.notNull(storage, "'storage' must not be null");
			return declare(StreamFields.STORAGE, (builder) -> builder.storageType(storage.toJnats()));
		}

		/**
		 * Declare the retention policy.
		 * @param retention the retention policy
		 * @return this builder
		 */
		public Builder retention(RetentionPolicy retention) {
			Assert.notNull(retention, "'retention' must not be null");
			return declare(StreamFields.RETENTION, (builder) -> builder.retentionPolicy(retention.toJnats()));
		}

		/**
		 * Declare the number of replicas.
		 * @param replicas the number of replicas, from 1 to 5
		 * @return this builder
		 */
		public Builder replicas(int replicas) {
			Assert.isTrue(replicas >= 1 && replicas <= 5, "'replicas' must be between 1 and 5");
			return declare(StreamFields.REPLICAS, (builder) -> builder.replicas(replicas));
		}

		/**
		 * Declare the maximum age of a message.
		 * @param maxAge the maximum age; zero for unlimited
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			Assert.isTrue(maxAge != null && !maxAge.isNegative(), "'maxAge' must not be null or negative");
			return declare(StreamFields.MAX_AGE, (builder) -> builder.maxAge(maxAge));
		}

		/**
		 * Declare the maximum size of the stream.
		 * @param maxBytes the maximum size in bytes; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxBytes(long maxBytes) {
			assertLimit(maxBytes, "maxBytes");
			return declare(StreamFields.MAX_BYTES, (builder) -> builder.maxBytes(maxBytes));
		}

		/**
		 * Declare the maximum number of messages.
		 * @param maxMsgs the maximum number of messages; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMsgs(long maxMsgs) {
			assertLimit(maxMsgs, "maxMsgs");
			return declare(StreamFields.MAX_MSGS, (builder) -> builder.maxMessages(maxMsgs));
		}

		/**
		 * Declare the maximum number of messages kept per subject.
		 * @param maxMsgsPerSubject the maximum number; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMsgsPerSubject(long maxMsgsPerSubject) {
			assertLimit(maxMsgsPerSubject, "maxMsgsPerSubject");
			return declare(StreamFields.MAX_MSGS_PER_SUBJECT,
					(builder) -> builder.maxMessagesPerSubject(maxMsgsPerSubject));
		}

		/**
		 * Declare the maximum size of one message.
		 * @param maxMsgSize the maximum size in bytes; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMsgSize(int maxMsgSize) {
			assertLimit(maxMsgSize, "maxMsgSize");
			return declare(StreamFields.MAX_MSG_SIZE, (builder) -> builder.maximumMessageSize(maxMsgSize));
		}

		/**
		 * Declare what is discarded when the stream reaches a limit.
		 * @param discard the discard policy
		 * @return this builder
		 */
		public Builder discard(DiscardPolicy discard) {
			Assert.notNull(discard, "'discard' must not be null");
			return declare(StreamFields.DISCARD, (builder) -> builder.discardPolicy(discard.toJnats()));
		}

		/**
		 * Declare the window within which messages with the same {@code Nats-Msg-Id} are
		 * deduplicated.
		 * @param duplicateWindow the window
		 * @return this builder
		 */
		public Builder duplicateWindow(Duration duplicateWindow) {
			Assert.isTrue(duplicateWindow != null && !duplicateWindow.isNegative(),
					"'duplicateWindow' must not be null or negative");
			return declare(StreamFields.DUPLICATE_WINDOW, (builder) -> builder.duplicateWindow(duplicateWindow));
		}

		/**
		 * Declare the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			Assert.notNull(description, "'description' must not be null");
			return declare(StreamFields.DESCRIPTION, (builder) -> builder.description(description));
		}

		/**
		 * Declare whether messages may roll up the subject or the stream.
		 * @param allowRollup whether roll-ups are allowed
		 * @return this builder
		 */
		public Builder allowRollup(boolean allowRollup) {
			return declare(StreamFields.ALLOW_ROLLUP, (builder) -> builder.allowRollup(allowRollup));
		}

		/**
		 * Declare whether deleting single messages is denied.
		 * @param denyDelete whether deletes are denied
		 * @return this builder
		 */
		public Builder denyDelete(boolean denyDelete) {
			return declare(StreamFields.DENY_DELETE, (builder) -> builder.denyDelete(denyDelete));
		}

		/**
		 * Declare whether purging the stream is denied.
		 * @param denyPurge whether purges are denied
		 * @return this builder
		 */
		public Builder denyPurge(boolean denyPurge) {
			return declare(StreamFields.DENY_PURGE, (builder) -> builder.denyPurge(denyPurge));
		}

		private static void assertLimit(long value, String name) {
			Assert.isTrue(value > 0 || value == -1,
					() -> "'" + name + "' must be greater than zero, or -1 for unlimited");
		}

		private Builder declare(String field, Consumer<StreamConfiguration.Builder> customizer) {
			this.customizers.put(field, customizer);
			return this;
		}

		/**
		 * Build the declaration.
		 * @return the declaration
		 */
		public NatsStream build() {
			StreamConfiguration.Builder builder = StreamConfiguration.builder().name(this.name);
			List<Consumer<StreamConfiguration.Builder>> customizers = List.copyOf(this.customizers.values());
			customizers.forEach((customizer) -> customizer.accept(builder));
			return new NatsStream(this.name, builder.build(),
					Collections.unmodifiableSet(new LinkedHashSet<>(this.customizers.keySet())), customizers);
		}

	}

}

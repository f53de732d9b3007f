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
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.api.Mirror;
import io.nats.client.api.Placement;
import io.nats.client.api.Source;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.SubjectTransform;
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
 * <p>
 * The metadata of this library ({@link ManagedMetadata}) is added when the stream is
 * created or updated. Settings that need a newer server than 2.9 are checked against
 * the connected server before anything is sent: see {@link #getRequiredFeatures()}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see StreamFields
 */
public final class NatsStream {

	private final String name;

	private final StreamConfiguration configuration;

	private final Set<String> declaredFields;

	private final @Nullable List<Consumer<StreamConfiguration.Builder>> customizers;

	private final SettingNames settingNames;

	private NatsStream(String name, StreamConfiguration configuration, Set<String> declaredFields,
			@Nullable List<Consumer<StreamConfiguration.Builder>> customizers, SettingNames settingNames) {
		this.name = name;
		this.configuration = configuration;
		this.declaredFields = declaredFields;
		this.customizers = customizers;
		this.settingNames = settingNames;
	}

	/**
	 * Declare a stream with a complete jnats configuration, for settings that the
	 * builder does not cover (republish, consumer limits, external sources...). Every
	 * field that {@link StreamFields} knows is declared.
	 * @param configuration the configuration of the stream
	 * @return the declaration
	 */
	public static NatsStream of(StreamConfiguration configuration) {
		Assert.notNull(configuration, "'configuration' must not be null");
		return new NatsStream(configuration.getName(), configuration, StreamFields.differ().getFieldNames(), null,
				new SettingNames("the StreamConfiguration of stream '" + configuration.getName() + "'", null,
						Map.of()));
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
	 * Return the server features that the declared settings need, by setting: the
	 * property as the user wrote it (such as
	 * {@code nats.jetstream.streams.ORDERS.compression}) for a declaration bound from
	 * configuration properties, otherwise the setting of the declaration.
	 * @return the features needed, empty if none
	 */
	public Map<String, ServerFeature> getRequiredFeatures() {
		return this.settingNames
			.named(StreamFields.differ().requiredFeatures(this.configuration, this.declaredFields));
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

		private final Map<String, String> settings = new LinkedHashMap<>();

		private @Nullable String propertyPrefix;

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
			return declare(StreamFields.SUBJECTS, "subjects", (builder) -> builder.subjects(copy));
		}

		/**
		 * Declare the storage type.
		 * @param storage the storage type
		 * @return this builder
		 */
		public Builder storage(StorageType storage) {
			Assert.notNull(storage, "'storage' must not be null");
			return declare(StreamFields.STORAGE, "storage", (builder) -> builder.storageType(storage.toJnats()));
		}

		/**
		 * Declare the retention policy.
		 * @param retention the retention policy
		 * @return this builder
		 */
		public Builder retention(RetentionPolicy retention) {
			Assert.notNull(retention, "'retention' must not be null");
			return declare(StreamFields.RETENTION, "retention", (builder) -> builder.retentionPolicy(retention.toJnats()));
		}

		/**
		 * Declare the number of replicas.
		 * @param replicas the number of replicas, from 1 to 5
		 * @return this builder
		 */
		public Builder replicas(int replicas) {
			Assert.isTrue(replicas >= 1 && replicas <= 5, "'replicas' must be between 1 and 5");
			return declare(StreamFields.REPLICAS, "replicas", (builder) -> builder.replicas(replicas));
		}

		/**
		 * Declare the maximum age of a message.
		 * @param maxAge the maximum age; zero for unlimited
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			Assert.isTrue(maxAge != null && !maxAge.isNegative(), "'maxAge' must not be null or negative");
			return declare(StreamFields.MAX_AGE, "max-age", (builder) -> builder.maxAge(maxAge));
		}

		/**
		 * Declare the maximum size of the stream.
		 * @param maxBytes the maximum size in bytes; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxBytes(long maxBytes) {
			assertLimit(maxBytes, "maxBytes");
			return declare(StreamFields.MAX_BYTES, "max-bytes", (builder) -> builder.maxBytes(maxBytes));
		}

		/**
		 * Declare the maximum number of messages.
		 * @param maxMsgs the maximum number of messages; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMsgs(long maxMsgs) {
			assertLimit(maxMsgs, "maxMsgs");
			return declare(StreamFields.MAX_MSGS, "max-msgs", (builder) -> builder.maxMessages(maxMsgs));
		}

		/**
		 * Declare the maximum number of messages kept per subject.
		 * @param maxMsgsPerSubject the maximum number; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMsgsPerSubject(long maxMsgsPerSubject) {
			assertLimit(maxMsgsPerSubject, "maxMsgsPerSubject");
			return declare(StreamFields.MAX_MSGS_PER_SUBJECT, "max-msgs-per-subject",
					(builder) -> builder.maxMessagesPerSubject(maxMsgsPerSubject));
		}

		/**
		 * Declare the maximum size of one message.
		 * @param maxMsgSize the maximum size in bytes; -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMsgSize(int maxMsgSize) {
			assertLimit(maxMsgSize, "maxMsgSize");
			return declare(StreamFields.MAX_MSG_SIZE, "max-msg-size", (builder) -> builder.maximumMessageSize(maxMsgSize));
		}

		/**
		 * Declare what is discarded when the stream reaches a limit.
		 * @param discard the discard policy
		 * @return this builder
		 */
		public Builder discard(DiscardPolicy discard) {
			Assert.notNull(discard, "'discard' must not be null");
			return declare(StreamFields.DISCARD, "discard", (builder) -> builder.discardPolicy(discard.toJnats()));
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
			return declare(StreamFields.DUPLICATE_WINDOW, "duplicate-window", (builder) -> builder.duplicateWindow(duplicateWindow));
		}

		/**
		 * Declare the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			Assert.notNull(description, "'description' must not be null");
			return declare(StreamFields.DESCRIPTION, "description", (builder) -> builder.description(description));
		}

		/**
		 * Declare whether messages may roll up the subject or the stream.
		 * @param allowRollup whether roll-ups are allowed
		 * @return this builder
		 */
		public Builder allowRollup(boolean allowRollup) {
			return declare(StreamFields.ALLOW_ROLLUP, "allow-rollup", (builder) -> builder.allowRollup(allowRollup));
		}

		/**
		 * Declare whether deleting single messages is denied.
		 * @param denyDelete whether deletes are denied
		 * @return this builder
		 */
		public Builder denyDelete(boolean denyDelete) {
			return declare(StreamFields.DENY_DELETE, "deny-delete", (builder) -> builder.denyDelete(denyDelete));
		}

		/**
		 * Declare whether purging the stream is denied.
		 * @param denyPurge whether purges are denied
		 * @return this builder
		 */
		public Builder denyPurge(boolean denyPurge) {
			return declare(StreamFields.DENY_PURGE, "deny-purge", (builder) -> builder.denyPurge(denyPurge));
		}

		/**
		 * Declare the metadata of the stream (nats-server 2.10 or later). Replaces the
		 * stream's metadata, except the entries of the server and of this library.
		 * @param metadata the metadata
		 * @return this builder
		 * @throws IllegalArgumentException if a key is reserved (see
		 * {@link ManagedMetadata})
		 */
		public Builder metadata(Map<String, String> metadata) {
			Map<String, String> copy = ManagedMetadata.checkDeclarable(metadata);
			return declare(StreamFields.METADATA, "metadata", (builder) -> builder.metadata(new LinkedHashMap<>(copy)));
		}

		/**
		 * Declare how stored messages are compressed (nats-server 2.10 or later).
		 * @param compression the compression
		 * @return this builder
		 */
		public Builder compression(Compression compression) {
			Assert.notNull(compression, "'compression' must not be null");
			return declare(StreamFields.COMPRESSION, "compression",
					(builder) -> builder.compressionOption(compression.toJnats()));
		}

		/**
		 * Declare a transform of the subjects of the messages the stream stores
		 * (nats-server 2.10 or later).
		 * @param source the subjects to transform; wildcards allowed
		 * @param destination what they become, with {@code {{wildcard(n)}}} or
		 * {@code $n} for the source's wildcards
		 * @return this builder
		 */
		public Builder subjectTransform(String source, String destination) {
			Assert.hasText(source, "'source' must not be empty");
			Assert.hasText(destination, "'destination' must not be empty");
			SubjectTransform transform = SubjectTransform.builder().source(source).destination(destination).build();
			return declare(StreamFields.SUBJECT_TRANSFORM, "subject-transform",
					(builder) -> builder.subjectTransform(transform));
		}

		/**
		 * Declare the streams whose messages this stream copies. A source with subject
		 * transforms needs nats-server 2.10 or later.
		 * @param sources the sources; none to copy no stream
		 * @return this builder
		 */
		public Builder sources(Source... sources) {
			Assert.noNullElements(sources, "'sources' must not contain null elements");
			return sources(Arrays.asList(sources));
		}

		/**
		 * Declare the streams whose messages this stream copies. A source with subject
		 * transforms needs nats-server 2.10 or later.
		 * @param sources the sources; none to copy no stream
		 * @return this builder
		 */
		public Builder sources(Collection<Source> sources) {
			Assert.notNull(sources, "'sources' must not be null");
			List<Source> copy = List.copyOf(sources);
			return declare(StreamFields.SOURCES, "sources", (builder) -> builder.sources(copy));
		}

		/**
		 * Declare the stream this stream mirrors. A mirror captures no subjects of its
		 * own and cannot change once created. A mirror with subject transforms needs
		 * nats-server 2.10 or later.
		 * @param mirror the mirror
		 * @return this builder
		 */
		public Builder mirror(Mirror mirror) {
			Assert.notNull(mirror, "'mirror' must not be null");
			return declare(StreamFields.MIRROR, "mirror", (builder) -> builder.mirror(mirror));
		}

		/**
		 * Declare where the stream's replicas are placed in a cluster.
		 * @param cluster the cluster, or {@code null} for any
		 * @param tags the tags the servers must have
		 * @return this builder
		 */
		public Builder placement(@Nullable String cluster, String... tags) {
			Assert.noNullElements(tags, "'tags' must not contain null elements");
			Placement placement = Placement.builder().cluster(cluster).tags(Arrays.asList(tags)).build();
			return declare(StreamFields.PLACEMENT, "placement", (builder) -> builder.placement(placement));
		}

		/**
		 * Declare whether messages can be read directly from any replica, without a
		 * consumer.
		 * @param allowDirect whether direct get is allowed
		 * @return this builder
		 */
		public Builder allowDirect(boolean allowDirect) {
			return declare(StreamFields.ALLOW_DIRECT, "allow-direct", (builder) -> builder.allowDirect(allowDirect));
		}

		/**
		 * Declare the sequence of the first message of the new stream (nats-server 2.10
		 * or later). Applies when the stream is created: it cannot change afterwards.
		 * @param firstSequence the first sequence, from 1
		 * @return this builder
		 */
		public Builder firstSequence(long firstSequence) {
			Assert.isTrue(firstSequence >= 1, "'firstSequence' must be at least 1");
			return declare(StreamFields.FIRST_SEQUENCE, "first-sequence",
					(builder) -> builder.firstSequence(firstSequence));
		}

		/**
		 * Declare whether a message may set its own time to live with the
		 * {@code Nats-TTL} header (nats-server 2.11 or later). Can be switched on in
		 * place, never off.
		 * @param allowMsgTtl whether per-message TTLs are allowed
		 * @return this builder
		 */
		public Builder allowMsgTtl(boolean allowMsgTtl) {
			return declare(StreamFields.ALLOW_MSG_TTL, "allow-msg-ttl",
					(builder) -> builder.allowMessageTtl(allowMsgTtl));
		}

		/**
		 * Declare how long the marker lives that the stream leaves when its limits
		 * remove the last message of a subject (nats-server 2.11 or later). The server
		 * then allows per-message TTLs and roll-ups.
		 * @param subjectDeleteMarkerTtl the time to live, at least one second; zero for no
		 * markers
		 * @return this builder
		 */
		public Builder subjectDeleteMarkerTtl(Duration subjectDeleteMarkerTtl) {
			Assert.isTrue(subjectDeleteMarkerTtl != null
					&& (subjectDeleteMarkerTtl.isZero() || subjectDeleteMarkerTtl.compareTo(Duration.ofSeconds(1)) >= 0),
					"'subjectDeleteMarkerTtl' must be zero or at least one second");
			Duration ttl = subjectDeleteMarkerTtl.isZero() ? null : subjectDeleteMarkerTtl;
			return declare(StreamFields.SUBJECT_DELETE_MARKER_TTL, "subject-delete-marker-ttl",
					(builder) -> builder.subjectDeleteMarkerTtl(ttl));
		}

		/**
		 * Declare whether batches of messages may be published atomically (nats-server
		 * 2.12 or later).
		 * @param allowAtomicPublish whether atomic batch publishing is allowed
		 * @return this builder
		 */
		public Builder allowAtomicPublish(boolean allowAtomicPublish) {
			return declare(StreamFields.ALLOW_ATOMIC_PUBLISH, "allow-atomic-publish",
					(builder) -> builder.allowAtomicPublish(allowAtomicPublish));
		}

		/**
		 * Declare whether the stream holds counters, incremented with the
		 * {@code Nats-Incr} header (nats-server 2.12 or later). Cannot change once the
		 * stream exists.
		 * @param allowMsgCounter whether the stream holds counters
		 * @return this builder
		 */
		public Builder allowMsgCounter(boolean allowMsgCounter) {
			return declare(StreamFields.ALLOW_MSG_COUNTER, "allow-msg-counter",
					(builder) -> builder.allowMessageCounter(allowMsgCounter));
		}

		/**
		 * Declare whether messages may be scheduled with the {@code Nats-Schedule}
		 * header (nats-server 2.12 or later). The server then allows roll-ups. Can be
		 * switched on in place, never off.
		 * @param allowMsgSchedules whether scheduled messages are allowed
		 * @return this builder
		 */
		public Builder allowMsgSchedules(boolean allowMsgSchedules) {
			return declare(StreamFields.ALLOW_MSG_SCHEDULES, "allow-msg-schedules",
					(builder) -> builder.allowMessageSchedules(allowMsgSchedules));
		}

		/**
		 * Name the configuration properties this declaration is bound from, so that
		 * errors name the property the user wrote.
		 * @param propertyPrefix the prefix, for example
		 * {@code nats.jetstream.streams.ORDERS}
		 * @return this builder
		 */
		public Builder propertyPrefix(String propertyPrefix) {
			Assert.hasText(propertyPrefix, "'propertyPrefix' must not be empty");
			this.propertyPrefix = propertyPrefix;
			return this;
		}

		private static void assertLimit(long value, String name) {
			Assert.isTrue(value > 0 || value == -1,
					() -> "'" + name + "' must be greater than zero, or -1 for unlimited");
		}

		private Builder declare(String field, String setting, Consumer<StreamConfiguration.Builder> customizer) {
			this.customizers.put(field, customizer);
			this.settings.put(field, setting);
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
			StreamConfiguration configuration = builder.build();
			ImpliedSettings.check(configuration, this.customizers.keySet(), this.settings);
			return new NatsStream(this.name, configuration,
					Collections.unmodifiableSet(new LinkedHashSet<>(this.customizers.keySet())), customizers,
					new SettingNames("NatsStream '" + this.name + "'", this.propertyPrefix, this.settings));
		}

	}

}

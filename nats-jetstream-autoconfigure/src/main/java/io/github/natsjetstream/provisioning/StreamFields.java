package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.api.CompressionOption;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.Placement;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.SourceBase;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.support.JsonSerializable;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a stream configuration that provisioning compares, named as in the
 * JetStream API, with the server's defaults and JetStream's rules for changing an
 * existing stream.
 * <p>
 * Updatable in place: {@code description}, {@code subjects}, the limits, {@code discard},
 * {@code duplicate_window}, {@code num_replicas} (in a cluster), {@code no_ack},
 * {@code sources}, {@code republish}, {@code placement}, {@code allow_rollup_hdrs},
 * {@code allow_direct}, {@code mirror_direct}, {@code discard_new_per_subject},
 * {@code metadata}, {@code compression}, {@code subject_transform},
 * {@code subject_delete_marker_ttl}, {@code allow_atomic}, and {@code deny_delete},
 * {@code deny_purge}, {@code sealed}, {@code allow_msg_ttl} and
 * {@code allow_msg_schedules} from {@code false} to {@code true}. {@code retention} can
 * change between {@code limits} and {@code interest} (on servers from 2.10), never to or
 * from {@code workqueue}. The others ({@code storage}, {@code max_consumers},
 * {@code mirror}, {@code first_seq}, {@code allow_msg_counter}) cannot change (a server
 * records a new {@code first_seq} but does not apply it).
 * <p>
 * Metadata keys of the server ({@code _nats.*}) and of this library are not compared:
 * see {@link ManagedMetadata}. Fields that need a newer server than 2.9 say which
 * {@link ServerFeature} they need.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class StreamFields {

	/**
	 * Description of the stream.
	 */
	public static final String DESCRIPTION = "description";

	/**
	 * Subjects the stream captures.
	 */
	public static final String SUBJECTS = "subjects";

	/**
	 * Retention policy.
	 */
	public static final String RETENTION = "retention";

	/**
	 * Maximum number of consumers.
	 */
	public static final String MAX_CONSUMERS = "max_consumers";

	/**
	 * Maximum number of messages.
	 */
	public static final String MAX_MSGS = "max_msgs";

	/**
	 * Maximum size in bytes.
	 */
	public static final String MAX_BYTES = "max_bytes";

	/**
	 * Maximum age of a message.
	 */
	public static final String MAX_AGE = "max_age";

	/**
	 * Maximum number of messages per subject.
	 */
	public static final String MAX_MSGS_PER_SUBJECT = "max_msgs_per_subject";

	/**
	 * Maximum size of one message.
	 */
	public static final String MAX_MSG_SIZE = "max_msg_size";

	/**
	 * Storage type.
	 */
	public static final String STORAGE = "storage";

	/**
	 * Number of replicas.
	 */
	public static final String REPLICAS = "num_replicas";

	/**
	 * Whether publications are not acknowledged.
	 */
	public static final String NO_ACK = "no_ack";

	/**
	 * Discard policy.
	 */
	public static final String DISCARD = "discard";

	/**
	 * Deduplication window.
	 */
	public static final String DUPLICATE_WINDOW = "duplicate_window";

	/**
	 * Placement of the replicas.
	 */
	public static final String PLACEMENT = "placement";

	/**
	 * Stream mirrored by this one.
	 */
	public static final String MIRROR = "mirror";

	/**
	 * Streams sourced by this one.
	 */
	public static final String SOURCES = "sources";

	/**
	 * Whether the stream is sealed.
	 */
	public static final String SEALED = "sealed";

	/**
	 * Whether deleting messages is denied.
	 */
	public static final String DENY_DELETE = "deny_delete";

	/**
	 * Whether purging is denied.
	 */
	public static final String DENY_PURGE = "deny_purge";

	/**
	 * Whether roll-up headers are allowed.
	 */
	public static final String ALLOW_ROLLUP = "allow_rollup_hdrs";

	/**
	 * Whether direct get is allowed.
	 */
	public static final String ALLOW_DIRECT = "allow_direct";

	/**
	 * Whether direct get is allowed on the mirror.
	 */
	public static final String MIRROR_DIRECT = "mirror_direct";

	/**
	 * Whether the discard-new policy applies per subject.
	 */
	public static final String DISCARD_NEW_PER_SUBJECT = "discard_new_per_subject";

	/**
	 * Republishing of stored messages.
	 */
	public static final String REPUBLISH = "republish";

	/**
	 * Metadata of the stream.
	 */
	public static final String METADATA = "metadata";

	/**
	 * Compression of the stored messages.
	 */
	public static final String COMPRESSION = "compression";

	/**
	 * Transform of the subjects of the messages stored.
	 */
	public static final String SUBJECT_TRANSFORM = "subject_transform";

	/**
	 * Sequence of the first message of a new stream.
	 */
	public static final String FIRST_SEQUENCE = "first_seq";

	/**
	 * Whether messages may set their own TTL.
	 */
	public static final String ALLOW_MSG_TTL = "allow_msg_ttl";

	/**
	 * Time to live of the markers left when limits remove the last message of a subject.
	 */
	public static final String SUBJECT_DELETE_MARKER_TTL = "subject_delete_marker_ttl";

	/**
	 * Whether atomic batch publishing is allowed.
	 */
	public static final String ALLOW_ATOMIC_PUBLISH = "allow_atomic";

	/**
	 * Whether the stream holds message counters.
	 */
	public static final String ALLOW_MSG_COUNTER = "allow_msg_counter";

	/**
	 * Whether messages may be scheduled.
	 */
	public static final String ALLOW_MSG_SCHEDULES = "allow_msg_schedules";

	private static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);

	private static final ConfigurationDiffer<StreamConfiguration> DIFFER = new ConfigurationDiffer<>(List.of(
			ConfigurationField.updatable(DESCRIPTION, StreamFields::description),
			ConfigurationField.updatable(SUBJECTS, StreamFields::subjects),
			ConfigurationField.updatableWhen(RETENTION, StreamConfiguration::getRetentionPolicy,
					(current, wanted) -> current != RetentionPolicy.WorkQueue && wanted != RetentionPolicy.WorkQueue),
			ConfigurationField.immutable(MAX_CONSUMERS, (StreamConfiguration config) -> limit(config.getMaxConsumers()))
				.formattedWith(ConfigurationValues::formatLimit),
			ConfigurationField.updatable(MAX_MSGS, (StreamConfiguration config) -> limit(config.getMaxMsgs()))
				.formattedWith(ConfigurationValues::formatLimit),
			ConfigurationField.updatable(MAX_BYTES, (StreamConfiguration config) -> limit(config.getMaxBytes()))
				.formattedWith(ConfigurationValues::formatSize),
			ConfigurationField.updatable(MAX_AGE, StreamFields::maxAge).formattedWith(ConfigurationValues::formatAge),
			ConfigurationField
				.updatable(MAX_MSGS_PER_SUBJECT, (StreamConfiguration config) -> limit(config.getMaxMsgsPerSubject()))
				.formattedWith(ConfigurationValues::formatLimit),
			ConfigurationField
				.updatable(MAX_MSG_SIZE, (StreamConfiguration config) -> limit(config.getMaximumMessageSize()))
				.formattedWith(ConfigurationValues::formatSize),
			ConfigurationField.immutable(STORAGE, StreamConfiguration::getStorageType),
			ConfigurationField.updatable(REPLICAS, (StreamConfiguration config) -> Math.max(config.getReplicas(), 1)),
			ConfigurationField.updatable(NO_ACK, StreamConfiguration::getNoAck),
			ConfigurationField.updatable(DISCARD,
					(StreamConfiguration config) -> Objects.requireNonNullElse(config.getDiscardPolicy(),
							DiscardPolicy.Old)),
			ConfigurationField.updatable(DUPLICATE_WINDOW, StreamFields::duplicateWindow),
			ConfigurationField.updatable(PLACEMENT, StreamFields::placement),
			ConfigurationField.immutable(MIRROR, (StreamConfiguration config) -> json(config.getMirror()))
				.requires(ServerFeature.SUBJECT_TRANSFORMS,
						(StreamConfiguration config) -> hasSubjectTransforms(config.getMirror())),
			ConfigurationField.updatable(SOURCES, StreamFields::sources)
				.requires(ServerFeature.SUBJECT_TRANSFORMS,
						(StreamConfiguration config) -> config.getSources()
							.stream()
							.anyMatch(StreamFields::hasSubjectTransforms)),
			ConfigurationField.updatableWhen(SEALED, StreamConfiguration::getSealed, StreamFields::onlyToTrue),
			ConfigurationField.updatableWhen(DENY_DELETE, StreamConfiguration::getDenyDelete,
					StreamFields::onlyToTrue),
			ConfigurationField.updatableWhen(DENY_PURGE, StreamConfiguration::getDenyPurge, StreamFields::onlyToTrue),
			ConfigurationField.updatable(ALLOW_ROLLUP, StreamConfiguration::getAllowRollup),
			ConfigurationField.updatable(ALLOW_DIRECT, StreamConfiguration::getAllowDirect),
			ConfigurationField.updatable(MIRROR_DIRECT, StreamConfiguration::getMirrorDirect),
			ConfigurationField.updatable(DISCARD_NEW_PER_SUBJECT, StreamConfiguration::isDiscardNewPerSubject),
			ConfigurationField.updatable(REPUBLISH, (StreamConfiguration config) -> json(config.getRepublish())),
			ConfigurationField.updatable(METADATA, StreamFields::metadata)
				.requires(ServerFeature.METADATA, (StreamConfiguration config) -> !metadata(config).isEmpty()),
			ConfigurationField.updatable(COMPRESSION, StreamFields::compression)
				.requires(ServerFeature.COMPRESSION,
						(StreamConfiguration config) -> compression(config) != CompressionOption.None),
			ConfigurationField
				.updatable(SUBJECT_TRANSFORM, (StreamConfiguration config) -> json(config.getSubjectTransform()))
				.requires(ServerFeature.SUBJECT_TRANSFORMS,
						(StreamConfiguration config) -> config.getSubjectTransform() != null),
			ConfigurationField.immutable(FIRST_SEQUENCE, StreamFields::firstSequence)
				.requires(ServerFeature.FIRST_SEQUENCE, (StreamConfiguration config) -> firstSequence(config) > 1),
			ConfigurationField.updatableWhen(ALLOW_MSG_TTL, StreamConfiguration::getAllowMessageTtl,
					StreamFields::onlyToTrue)
				.requires(ServerFeature.MESSAGE_TTL, StreamConfiguration::getAllowMessageTtl),
			ConfigurationField.updatable(SUBJECT_DELETE_MARKER_TTL, StreamFields::subjectDeleteMarkerTtl)
				.requires(ServerFeature.SUBJECT_DELETE_MARKERS,
						(StreamConfiguration config) -> subjectDeleteMarkerTtl(config) != null),
			ConfigurationField.updatable(ALLOW_ATOMIC_PUBLISH, StreamConfiguration::getAllowAtomicPublish)
				.requires(ServerFeature.ATOMIC_PUBLISH, StreamConfiguration::getAllowAtomicPublish),
			ConfigurationField.immutable(ALLOW_MSG_COUNTER, StreamConfiguration::getAllowMessageCounter)
				.requires(ServerFeature.MESSAGE_COUNTERS, StreamConfiguration::getAllowMessageCounter),
			ConfigurationField.updatableWhen(ALLOW_MSG_SCHEDULES, StreamConfiguration::getAllowMsgSchedules,
					StreamFields::onlyToTrue)
				.requires(ServerFeature.MESSAGE_SCHEDULES, StreamConfiguration::getAllowMsgSchedules)));

	private StreamFields() {
	}

	/**
	 * Return the differ for stream configurations.
	 * @return the differ
	 */
	public static ConfigurationDiffer<StreamConfiguration> differ() {
		return DIFFER;
	}

	/**
	 * Return the deduplication window the server uses when none is set: the maximum
	 * age if it is shorter than two minutes, otherwise two minutes.
	 * @param configuration the stream configuration
	 * @return the default deduplication window
	 */
	static Duration defaultDuplicateWindow(StreamConfiguration configuration) {
		if (configuration.getMirror() != null) {
			return Duration.ZERO;
		}
		Duration maxAge = maxAge(configuration);
		return (!maxAge.isZero() && maxAge.compareTo(DEFAULT_DUPLICATE_WINDOW) < 0) ? maxAge
				: DEFAULT_DUPLICATE_WINDOW;
	}

	private static @Nullable String description(StreamConfiguration configuration) {
		String description = configuration.getDescription();
		return (description == null || description.isEmpty()) ? null : description;
	}

	private static List<String> subjects(StreamConfiguration configuration) {
		List<String> subjects = configuration.getSubjects();
		if (subjects.isEmpty() && configuration.getMirror() == null && configuration.getSources().isEmpty()) {
			return List.of(configuration.getName());
		}
		return subjects.stream().distinct().sorted().toList();
	}

	private static long limit(long value) {
		return (value <= 0) ? -1 : value;
	}

	private static Duration maxAge(StreamConfiguration configuration) {
		Duration maxAge = configuration.getMaxAge();
		return (maxAge.isNegative()) ? Duration.ZERO : maxAge;
	}

	private static Duration duplicateWindow(StreamConfiguration configuration) {
		Duration window = configuration.getDuplicateWindow();
		return (window == null || window.isZero() || window.isNegative()) ? defaultDuplicateWindow(configuration)
				: window;
	}

	private static @Nullable String placement(StreamConfiguration configuration) {
		Placement placement = configuration.getPlacement();
		return (placement != null && placement.hasData()) ? placement.toJson() : null;
	}

	private static List<String> sources(StreamConfiguration configuration) {
		return json(configuration.getSources());
	}

	static List<String> json(List<? extends JsonSerializable> values) {
		return values.stream().map(JsonSerializable::toJson).sorted().toList();
	}

	private static Map<String, String> metadata(StreamConfiguration configuration) {
		return ManagedMetadata.declarable(configuration.getMetadata());
	}

	private static CompressionOption compression(StreamConfiguration configuration) {
		return Objects.requireNonNullElse(configuration.getCompressionOption(), CompressionOption.None);
	}

	private static long firstSequence(StreamConfiguration configuration) {
		return Math.max(configuration.getFirstSequence(), 1);
	}

	private static @Nullable Duration subjectDeleteMarkerTtl(StreamConfiguration configuration) {
		Duration ttl = configuration.getSubjectDeleteMarkerTtl();
		return (ttl == null || ttl.isZero() || ttl.isNegative()) ? null : ttl;
	}

	static boolean hasSubjectTransforms(@Nullable SourceBase source) {
		return source != null && source.getSubjectTransforms() != null && !source.getSubjectTransforms().isEmpty();
	}

	static @Nullable String json(@Nullable JsonSerializable value) {
		return (value != null) ? value.toJson() : null;
	}

	private static boolean onlyToTrue(@Nullable Boolean current, @Nullable Boolean wanted) {
		return Boolean.TRUE.equals(wanted);
	}

}

package io.github.natsjetstream.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * JetStream features that need a newer {@code nats-server} than the oldest one this
 * library supports (2.9), each with the release that introduced it. Older servers ignore
 * the fields of a feature they lack rather than refuse them, so a declaration that uses
 * one is checked against {@link NatsServerFeatures} before it is sent.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see NatsServerFeatures
 */
public enum ServerFeature {

	/**
	 * More than one filter subject per consumer.
	 */
	MULTIPLE_FILTER_SUBJECTS(2, 10, "several filter subjects per consumer"),

	/**
	 * Metadata on streams, key-value buckets and consumers.
	 */
	METADATA(2, 10, "metadata"),

	/**
	 * Compression of a stream's or bucket's stored messages.
	 */
	COMPRESSION(2, 10, "compression"),

	/**
	 * Subject transforms of a stream, and of the sources and mirror it copies.
	 */
	SUBJECT_TRANSFORMS(2, 10, "subject transforms"),

	/**
	 * The first sequence of a new stream.
	 */
	FIRST_SEQUENCE(2, 10, "a stream's first sequence"),

	/**
	 * The JetStream API level, reported by the server in its account information.
	 */
	API_LEVEL(2, 11, "JetStream API level"),

	/**
	 * Per-message TTL ({@code Nats-TTL} header).
	 */
	MESSAGE_TTL(2, 11, "per-message TTL"),

	/**
	 * Markers left in a stream when the last message of a subject is removed by its limits.
	 */
	SUBJECT_DELETE_MARKERS(2, 11, "subject delete markers"),

	/**
	 * Markers left in a key-value bucket when a key is removed by its limits.
	 */
	KEY_VALUE_LIMIT_MARKERS(2, 11, "key-value limit markers"),

	/**
	 * Pausing a consumer on the server.
	 */
	CONSUMER_PAUSE(2, 11, "consumer pause"),

	/**
	 * Priority groups of pull consumers (pinned client, overflow).
	 */
	PRIORITY_GROUPS(2, 11, "consumer priority groups"),

	/**
	 * Atomic batch publishing into a stream.
	 */
	ATOMIC_PUBLISH(2, 12, "atomic batch publish"),

	/**
	 * Message counters ({@code Nats-Incr} header).
	 */
	MESSAGE_COUNTERS(2, 12, "message counters"),

	/**
	 * Scheduled messages ({@code Nats-Schedule} header).
	 */
	MESSAGE_SCHEDULES(2, 12, "message schedules");

	private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

	private final int major;

	private final int minor;

	private final String description;

	ServerFeature(int major, int minor, String description) {
		this.major = major;
		this.minor = minor;
		this.description = description;
	}

	/**
	 * Return the first {@code nats-server} release with this feature.
	 * @return the version, for example {@code 2.11}
	 */
	public String getMinimumVersion() {
		return this.major + "." + this.minor;
	}

	/**
	 * Return what the feature is, for people.
	 * @return the description, for example {@code per-message TTL}
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return whether a server of the given version has this feature. Pre-releases count
	 * as their release ({@code 2.11.0-RC.1} has the features of 2.11).
	 * @param serverVersion the version the server reports, for example {@code 2.10.22}
	 * @return whether the server has the feature; {@code true} if the version cannot be
	 * read (the server then judges the request itself)
	 */
	public boolean isSupportedBy(String serverVersion) {
		Assert.notNull(serverVersion, "'serverVersion' must not be null");
		Matcher matcher = VERSION.matcher(serverVersion.trim());
		if (!matcher.find()) {
			return true;
		}
		int serverMajor = Integer.parseInt(matcher.group(1));
		int serverMinor = Integer.parseInt(matcher.group(2));
		return serverMajor > this.major || (serverMajor == this.major && serverMinor >= this.minor);
	}

	/**
	 * Describe what a setting needs, for example
	 * {@code nats.jetstream.streams.ORDERS.compression needs nats-server 2.10 or later
	 * (compression)}.
	 * @param culprit the setting that uses the feature, as the user wrote it
	 * @return the description
	 */
	public String describeRequirement(String culprit) {
		return culprit + " needs nats-server " + getMinimumVersion() + " or later (" + this.description + ")";
	}

}

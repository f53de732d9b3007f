package io.github.natsjetstream.test;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The version of a {@code nats-server}, such as {@code 2.15.1}, comparable so that tests can ask
 * whether a server has a feature: {@code server.version().isAtLeast("2.11")}.
 *
 * <p>Versions are ordered by major, minor and patch number; a pre-release ({@code 2.12.0-RC.1})
 * comes before its release ({@code 2.12.0}), and build metadata ({@code +...}) is ignored. A
 * version written with fewer parts, such as {@code 2.11}, has zeros for the missing ones.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see NatsServer#version()
 * @see EnabledOnNatsServer
 */
public final class NatsServerVersion implements Comparable<NatsServerVersion> {

	private static final Pattern FORMAT = Pattern
		.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

	private static final Comparator<NatsServerVersion> ORDER = Comparator.comparingInt(NatsServerVersion::major)
		.thenComparingInt(NatsServerVersion::minor)
		.thenComparingInt(NatsServerVersion::patch)
		.thenComparing((version) -> version.preRelease,
				Comparator.nullsLast(Comparator.<String>naturalOrder()));

	private final int major;

	private final int minor;

	private final int patch;

	private final @Nullable String preRelease;

	private NatsServerVersion(int major, int minor, int patch, @Nullable String preRelease) {
		this.major = major;
		this.minor = minor;
		this.patch = patch;
		this.preRelease = preRelease;
	}

	/**
	 * Parses a version as {@code nats-server --version} prints it ({@code v2.15.1}) or as people
	 * write it ({@code 2.11}, {@code 2.12.0-RC.1}).
	 * @param version the version text
	 * @return the version
	 * @throws IllegalArgumentException if the text is not a version; the message quotes it
	 */
	public static NatsServerVersion parse(String version) {
		Matcher matcher = FORMAT.matcher(version.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + version + "' is not a nats-server version such as 2.11 or 2.15.1");
		}
		return new NatsServerVersion(Integer.parseInt(matcher.group(1)), number(matcher.group(2)),
				number(matcher.group(3)), matcher.group(4));
	}

	private static int number(@Nullable String part) {
		return (part != null) ? Integer.parseInt(part) : 0;
	}

	/**
	 * Tells whether this version is the given one or later.
	 * @param version the version a feature needs, for example {@code "2.11"}
	 * @return {@code true} when this version is {@code version} or later
	 */
	public boolean isAtLeast(String version) {
		return isAtLeast(parse(version));
	}

	/**
	 * Tells whether this version is the given one or later.
	 * @param version the version a feature needs
	 * @return {@code true} when this version is {@code version} or later
	 */
	public boolean isAtLeast(NatsServerVersion version) {
		return compareTo(version) >= 0;
	}

	/**
	 * Tells whether this version is older than the given one.
	 * @param version the first version that is no longer wanted, for example {@code "2.10"}
	 * @return {@code true} when this version comes before {@code version}
	 */
	public boolean isBelow(String version) {
		return !isAtLeast(version);
	}

	/**
	 * The major version number.
	 * @return the major version, {@code 2} for {@code 2.15.1}
	 */
	public int major() {
		return this.major;
	}

	/**
	 * The minor version number.
	 * @return the minor version, {@code 15} for {@code 2.15.1}
	 */
	public int minor() {
		return this.minor;
	}

	/**
	 * The patch version number.
	 * @return the patch version, {@code 1} for {@code 2.15.1}
	 */
	public int patch() {
		return this.patch;
	}

	@Override
	public int compareTo(NatsServerVersion other) {
		return ORDER.compare(this, other);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof NatsServerVersion version && compareTo(version) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.major, this.minor, this.patch, this.preRelease);
	}

	/**
	 * The version as {@code major.minor.patch}, followed by {@code -preRelease} for a
	 * pre-release.
	 * @return for example {@code 2.15.1}
	 */
	@Override
	public String toString() {
		return this.major + "." + this.minor + "." + this.patch + ((this.preRelease != null) ? "-" + this.preRelease : "");
	}

}

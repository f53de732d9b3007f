package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Shows configuration values to people: durations as {@code 1h30m}, limits of
 * {@code -1} as {@code unlimited}, sizes as {@code 1MB}, text in quotes.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ConfigurationValues {

	private static final String NONE = "none";

	private static final String UNLIMITED = "unlimited";

	private static final String[] SIZE_UNITS = { "B", "KB", "MB", "GB", "TB" };

	private ConfigurationValues() {
	}

	static String format(@Nullable Object value) {
		if (value == null) {
			return NONE;
		}
		if (value instanceof Duration duration) {
			return formatDuration(duration);
		}
		if (value instanceof CharSequence text) {
			return "'" + text + "'";
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream()
				.map(ConfigurationValues::formatElement)
				.collect(Collectors.joining(", ", "[", "]"));
		}
		return value.toString();
	}

	private static String formatElement(@Nullable Object value) {
		return (value instanceof CharSequence) ? value.toString() : format(value);
	}

	static String formatLimit(@Nullable Long value) {
		return (value == null || value < 0) ? UNLIMITED : value.toString();
	}

	static String formatSize(@Nullable Long bytes) {
		if (bytes == null || bytes < 0) {
			return UNLIMITED;
		}
		long value = bytes;
		int unit = 0;
		while (value != 0 && value % 1024 == 0 && unit < SIZE_UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return value + SIZE_UNITS[unit];
	}

	static String formatAge(@Nullable Duration duration) {
		return (duration == null || duration.isZero()) ? UNLIMITED : formatDuration(duration);
	}

	static String formatDuration(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.isNegative()) {
			return "-" + formatDuration(duration.negated());
		}
		StringBuilder text = new StringBuilder();
		append(text, duration.toDaysPart(), "d");
		append(text, duration.toHoursPart(), "h");
		append(text, duration.toMinutesPart(), "m");
		append(text, duration.toSecondsPart(), "s");
		append(text, duration.toMillisPart(), "ms");
		append(text, duration.toNanosPart() % 1_000_000, "ns");
		return text.toString();
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount != 0) {
			text.append(amount).append(unit);
		}
	}

}

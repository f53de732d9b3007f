package io.github.natsjetstream.support;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Writes configuration values for error messages the way a user writes them in
 * properties: {@code 30s} rather than {@code PT30S}, {@code 5MB} rather than
 * {@code 5242880B}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class PropertyValues {

	private static final long[] DURATION_UNITS = { 86_400_000, 3_600_000, 60_000, 1_000, 1 };

	private static final String[] DURATION_SUFFIXES = { "d", "h", "m", "s", "ms" };

	private static final String[] SIZE_SUFFIXES = { "TB", "GB", "MB", "KB" };

	private PropertyValues() {
	}

	/**
	 * Write a value as it would be written in properties.
	 * @param value the value
	 * @return the text
	 */
	public static String format(@Nullable Object value) {
		if (value instanceof Duration duration) {
			return format(duration);
		}
		if (value instanceof DataSize size) {
			return format(size);
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(PropertyValues::format).collect(Collectors.joining(","));
		}
		return String.valueOf(value);
	}

	private static String format(Duration duration) {
		if (duration.toNanos() % 1_000_000 != 0) {
			return duration.toNanos() + "ns";
		}
		long millis = duration.toMillis();
		for (int i = 0; i < DURATION_UNITS.length; i++) {
			if (millis % DURATION_UNITS[i] == 0 && (millis != 0 || i == DURATION_UNITS.length - 2)) {
				return (millis / DURATION_UNITS[i]) + DURATION_SUFFIXES[i];
			}
		}
		return millis + "ms";
	}

	private static String format(DataSize size) {
		long bytes = size.toBytes();
		for (int i = 0; i < SIZE_SUFFIXES.length; i++) {
			long unit = 1L << (10 * (SIZE_SUFFIXES.length - i));
			if (bytes != 0 && bytes % unit == 0) {
				return (bytes / unit) + SIZE_SUFFIXES[i];
			}
		}
		return bytes + "B";
	}

}

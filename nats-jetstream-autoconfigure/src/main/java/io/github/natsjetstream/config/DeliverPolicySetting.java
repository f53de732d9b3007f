package io.github.natsjetstream.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.nats.client.api.DeliverPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Where a new consumer starts, parsed from {@code all}, {@code new}, {@code last},
 * {@code last-per-subject} or {@code by-start-time=<ISO-8601 instant>} (case and
 * {@code -}/{@code _} relaxed).
 *
 * @param policy the jnats deliver policy
 * @param startTime the start time, for {@link DeliverPolicy#ByStartTime} only
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record DeliverPolicySetting(DeliverPolicy policy, @Nullable ZonedDateTime startTime) {

	/**
	 * Deliver every message in the stream.
	 */
	public static final DeliverPolicySetting ALL = new DeliverPolicySetting(DeliverPolicy.All, null);

	private static final String BY_START_TIME = "bystarttime";

	/**
	 * Parse a deliver policy (also used to bind it from configuration properties).
	 * @param value the text
	 * @return the setting
	 * @throws IllegalArgumentException naming the allowed values when the text is not one
	 */
	public static DeliverPolicySetting of(String value) {
		String text = value.trim();
		int equals = text.indexOf('=');
		String name = normalize((equals < 0) ? text : text.substring(0, equals));
		if (name.equals(BY_START_TIME)) {
			if (equals < 0) {
				throw invalid(value);
			}
			try {
				Instant start = Instant.parse(text.substring(equals + 1).trim());
				return new DeliverPolicySetting(DeliverPolicy.ByStartTime, start.atZone(ZoneOffset.UTC));
			}
			catch (DateTimeParseException ex) {
				throw invalid(value);
			}
		}
		if (equals >= 0) {
			throw invalid(value);
		}
		return switch (name) {
			case "all" -> ALL;
			case "new" -> new DeliverPolicySetting(DeliverPolicy.New, null);
			case "last" -> new DeliverPolicySetting(DeliverPolicy.Last, null);
			case "lastpersubject" -> new DeliverPolicySetting(DeliverPolicy.LastPerSubject, null);
			default -> throw invalid(value);
		};
	}

	private static String normalize(String name) {
		return name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	private static IllegalArgumentException invalid(String value) {
		return new IllegalArgumentException("'" + value
				+ "' is not a deliver policy: expected all, new, last, last-per-subject or by-start-time=<ISO-8601 instant>");
	}

}

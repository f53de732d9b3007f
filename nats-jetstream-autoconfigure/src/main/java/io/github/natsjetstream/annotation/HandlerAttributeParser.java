package io.github.natsjetstream.annotation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.natsjetstream.config.DeclaredHandlerSettings;
import io.github.natsjetstream.config.DeliverPolicySetting;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.PriorityPolicySetting;
import io.github.natsjetstream.retry.ListBackoff;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

/**
 * Parses the string attributes of a {@link NatsHandler @NatsHandler}, placeholders and
 * expressions resolved, into the typed {@link DeclaredHandlerSettings} that configuration
 * properties bind to. An attribute that does not parse is an error naming the handler,
 * the attribute and its value.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerAttributeParser {

	private final UnaryOperator<@Nullable String> resolver;

	/**
	 * Create a new parser.
	 * @param resolver resolves placeholders and expressions in an attribute; returns
	 * {@code null} for empty text
	 */
	HandlerAttributeParser(UnaryOperator<@Nullable String> resolver) {
		this.resolver = resolver;
	}

	DeclaredHandlerSettings parse(NatsHandler annotation, String id, String handler) {
		Attributes attributes = new Attributes(id, handler);
		return new DeclaredHandlerSettings(
				attributes.parse("concurrency", annotation.concurrency(), HandlerAttributeParser::number),
				attributes.parse("maxDeliver", annotation.maxDeliver(), HandlerAttributeParser::number),
				attributes.parse("backoff", annotation.backoff(), HandlerAttributeParser::delays),
				attributes.parse("ackWait", annotation.ackWait(), HandlerAttributeParser::duration),
				attributes.parse("maxAckPending", annotation.maxAckPending(), HandlerAttributeParser::number),
				attributes.parse("deliverPolicy", annotation.deliverPolicy(), DeliverPolicySetting::of),
				attributes.parse("deadLetter", annotation.deadLetter(), Function.identity()),
				attributes.parse("autoStartup", annotation.autoStartup(), HandlerAttributeParser::bool),
				(annotation.noRetryFor().length > 0) ? List.of(annotation.noRetryFor()) : null,
				attributes.parse("errorClassifier", annotation.errorClassifier(), Function.identity()),
				attributes.parse("priorityPolicy", annotation.priorityPolicy(), PriorityPolicySetting::of),
				attributes.parse("pinTimeout", annotation.pinTimeout(), DurationStyle::detectAndParse),
				attributes.parse("overflowThreshold", annotation.overflowThreshold(), Long::valueOf),
				attributes.parse("batchSize", annotation.batchSize(), HandlerAttributeParser::number),
				attributes.parse("batchWait", annotation.batchWait(), HandlerAttributeParser::duration));
	}

	private static Integer number(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("expected a whole number", ex);
		}
	}

	private static Duration duration(String value) {
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("expected a duration such as '10s' or '500ms'", ex);
		}
	}

	private static List<Duration> delays(String value) {
		List<Duration> delays = Arrays.stream(value.split(","))
			.map(String::trim)
			.filter(StringUtils::hasText)
			.map(HandlerAttributeParser::duration)
			.toList();
		return new ListBackoff(delays).getDelays();
	}

	private static Boolean bool(String value) {
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return Boolean.valueOf(value);
		}
		throw new IllegalArgumentException("expected true or false");
	}

	/**
	 * Parses the attributes of one handler, naming it in every error.
	 */
	private final class Attributes {

		private final String id;

		private final String handler;

		Attributes(String id, String handler) {
			this.id = id;
			this.handler = handler;
		}

		<T> @Nullable T parse(String attribute, String declared, Function<String, T> parser) {
			String resolved = HandlerAttributeParser.this.resolver.apply(declared);
			if (resolved == null) {
				return null;
			}
			try {
				return parser.apply(resolved.trim());
			}
			catch (RuntimeException ex) {
				throw new InvalidHandlerException("Invalid attribute '" + attribute + "' ('" + resolved + "') of handler '"
						+ this.id + "' (" + this.handler + "): " + ex.getMessage(), ex);
			}
		}

	}

}

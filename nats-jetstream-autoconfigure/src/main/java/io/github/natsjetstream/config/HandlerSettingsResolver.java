package io.github.natsjetstream.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.natsjetstream.retry.ListBackoff;
import io.github.natsjetstream.retry.RetryBackoff;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Resolves a handler's settings: configuration overrides by handler id win over the
 * annotation, which wins over the consumer defaults. Invalid values are reported naming
 * the handler and where the value came from.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class HandlerSettingsResolver {

	private final HandlerSettings defaults;

	private final Function<String, @Nullable HandlerOverrides> overrides;

	/**
	 * Create a new resolver.
	 * @param defaults the consumer defaults
	 * @param overrides the configuration overrides by handler id
	 */
	public HandlerSettingsResolver(HandlerSettings defaults, Function<String, @Nullable HandlerOverrides> overrides) {
		Assert.notNull(defaults, "'defaults' must not be null");
		Assert.notNull(overrides, "'overrides' must not be null");
		this.defaults = defaults;
		this.overrides = overrides;
	}

	/**
	 * Resolve the settings of a handler.
	 * @param id the handler id
	 * @param handler a description of the handler for error messages (its method)
	 * @param attributes what the annotation declares
	 * @return the settings
	 * @throws InvalidHandlerException when a value is invalid
	 */
	public HandlerSettings resolve(String id, String handler, HandlerAttributes attributes) {
		HandlerOverrides configured = this.overrides.apply(id);
		HandlerOverrides override = (configured != null) ? configured : HandlerOverrides.NONE;
		Source source = new Source(id, handler);
		int concurrency = source.pick(override.concurrency(), attributes.concurrency(), "concurrency",
				Integer::valueOf, this.defaults.concurrency());
		int maxDeliver = source.pick(override.maxDeliver(), attributes.maxDeliver(), "maxDeliver", Integer::valueOf,
				this.defaults.maxDeliver());
		RetryBackoff backoff = (override.backoff() != null && !override.backoff().isEmpty())
				? source.check(() -> new ListBackoff(override.backoff()), "backoff", true)
				: source.pick(null, attributes.backoff(), "backoff", HandlerSettingsResolver::parseBackoff,
						this.defaults.backoff());
		Duration ackWait = source.pick(override.ackWait(), attributes.ackWait(), "ackWait", DurationStyle::detectAndParse,
				this.defaults.ackWait());
		int maxAckPending = source.pick(override.maxAckPending(), attributes.maxAckPending(), "maxAckPending",
				Integer::valueOf, this.defaults.maxAckPending());
		DeliverPolicySetting deliverPolicy = (override.deliverPolicy() != null)
				? source.check(() -> DeliverPolicySetting.parse(override.deliverPolicy()), "deliverPolicy", true)
				: source.pick(null, attributes.deliverPolicy(), "deliverPolicy", DeliverPolicySetting::parse,
						this.defaults.deliverPolicy());
		String deadLetter = (override.deadLetter() != null) ? override.deadLetter()
				: (StringUtils.hasText(attributes.deadLetter()) ? attributes.deadLetter().trim()
						: this.defaults.deadLetterSubject());
		boolean autoStartup = source.pick(override.autoStartup(), attributes.autoStartup(), "autoStartup",
				HandlerSettingsResolver::parseBoolean, this.defaults.autoStartup());
		source.require(concurrency >= 1, "concurrency", "must be at least 1, not " + concurrency);
		source.require(maxDeliver >= 1, "maxDeliver", "must be at least 1, not " + maxDeliver);
		source.require(maxAckPending >= 1, "maxAckPending", "must be at least 1, not " + maxAckPending);
		source.require(!ackWait.isNegative() && !ackWait.isZero(), "ackWait", "must be positive, not " + ackWait);
		if (backoff instanceof ListBackoff list) {
			source.require(list.getDelays().size() <= maxDeliver, "backoff", "has " + list.getDelays().size()
					+ " delays but maxDeliver is " + maxDeliver
					+ ": JetStream refuses a consumer backoff longer than its max-deliver; shorten the backoff or raise maxDeliver");
		}
		return new HandlerSettings(concurrency, maxDeliver, backoff, ackWait, maxAckPending, deliverPolicy,
				attributes.noRetryFor(), this.defaults.errorClassifier(), deadLetter, autoStartup);
	}

	private static RetryBackoff parseBackoff(String value) {
		List<Duration> delays = Arrays.stream(value.split(","))
			.map(String::trim)
			.filter(StringUtils::hasText)
			.map(DurationStyle::detectAndParse)
			.toList();
		return new ListBackoff(delays);
	}

	private static Boolean parseBoolean(String value) {
		String text = value.trim();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.valueOf(text);
		}
		throw new IllegalArgumentException("expected true or false");
	}

	/**
	 * Picks values for one handler, naming it in every error.
	 */
	private record Source(String id, String handler) {

		<T> T pick(@Nullable T overridden, @Nullable String declared, String attribute, Function<String, T> parser,
				T fallback) {
			if (overridden != null) {
				return overridden;
			}
			if (StringUtils.hasText(declared)) {
				return check(() -> parser.apply(declared.trim()), attribute, false, declared);
			}
			return fallback;
		}

		<T> T check(java.util.function.Supplier<T> supplier, String attribute, boolean fromConfiguration) {
			return check(supplier, attribute, fromConfiguration, null);
		}

		private <T> T check(java.util.function.Supplier<T> supplier, String attribute, boolean fromConfiguration,
				@Nullable String value) {
			try {
				return supplier.get();
			}
			catch (RuntimeException ex) {
				String where = fromConfiguration ? "nats.jetstream.handlers." + this.id + "." + kebab(attribute)
						: "attribute '" + attribute + "'" + ((value != null) ? " ('" + value + "')" : "");
				throw new InvalidHandlerException(
						"Invalid " + where + " of handler '" + this.id + "' (" + this.handler + "): " + ex.getMessage(),
						ex);
			}
		}

		void require(boolean condition, String attribute, String problem) {
			if (!condition) {
				throw new InvalidHandlerException(
						"Invalid " + attribute + " of handler '" + this.id + "' (" + this.handler + "): " + problem);
			}
		}

		private static String kebab(String attribute) {
			return attribute.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
		}

	}

}

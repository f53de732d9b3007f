package io.github.natsjetstream.autoconfigure;

import java.util.List;

import io.github.natsjetstream.config.DeclaredHandlerSettings;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.PriorityPolicySetting;
import io.github.natsjetstream.retry.DeadLetterSubjectTemplate;
import io.github.natsjetstream.retry.ExponentialBackoff;
import io.github.natsjetstream.retry.ListBackoff;
import io.github.natsjetstream.retry.RetryBackoff;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@code nats.jetstream.consumer-defaults.*} and
 * {@code nats.jetstream.dead-letter.subject} to the default settings of every handler.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerDefaults {

	private static final String BACKOFF_PREFIX = "nats.jetstream.consumer-defaults.backoff";

	private HandlerDefaults() {
	}

	/**
	 * Return the defaults the properties declare.
	 * @param jetstream the JetStream properties
	 * @return the default settings, every value but the error classifier declared
	 * @throws InvalidHandlerException naming the property and its value when the backoff
	 * is invalid
	 */
	static DeclaredHandlerSettings of(NatsProperties.Jetstream jetstream) {
		NatsProperties.ConsumerDefaults defaults = jetstream.getConsumerDefaults();
		DeadLetterSubjectTemplate.parse(jetstream.getDeadLetter().getSubject(), "nats.jetstream.dead-letter.subject");
		return new DeclaredHandlerSettings(defaults.getConcurrency(), defaults.getMaxDeliver(),
				backoff(defaults.getBackoff()), defaults.getAckWait(), defaults.getMaxAckPending(),
				defaults.getDeliverPolicy(), jetstream.getDeadLetter().getSubject(), true, List.of(), null,
				PriorityPolicySetting.NONE, defaults.getPinTimeout(), 0L, defaults.getBatchSize(),
				defaults.getBatchWait());
	}

	private static RetryBackoff backoff(NatsProperties.Backoff backoff) {
		NamedPropertyMapper map = new NamedPropertyMapper(BACKOFF_PREFIX, InvalidHandlerException::new);
		try {
			if (!backoff.getDelays().isEmpty()) {
				return new ListBackoff(backoff.getDelays());
			}
			return new ExponentialBackoff(backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
					backoff.getJitter());
		}
		catch (IllegalArgumentException ex) {
			String property = NamedPropertyMapper.propertyOf(ex);
			if (property == null) {
				throw new InvalidHandlerException("Invalid " + BACKOFF_PREFIX + ": " + ex.getMessage(), ex);
			}
			throw map.invalid(property, value(backoff, property), ex);
		}
	}

	private static @Nullable Object value(NatsProperties.Backoff backoff, String property) {
		return switch (property) {
			case "delays" -> backoff.getDelays();
			case "delay" -> backoff.getDelay();
			case "multiplier" -> backoff.getMultiplier();
			case "max-delay" -> backoff.getMaxDelay();
			case "jitter" -> backoff.getJitter();
			default -> null;
		};
	}

}

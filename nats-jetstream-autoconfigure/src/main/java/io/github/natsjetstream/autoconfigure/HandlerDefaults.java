package io.github.natsjetstream.autoconfigure;

import java.util.List;

import io.github.natsjetstream.config.DeclaredHandlerSettings;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.PriorityPolicySetting;
import io.github.natsjetstream.retry.DeadLetterSubjectTemplate;
import io.github.natsjetstream.retry.ExponentialBackoff;
import io.github.natsjetstream.retry.ListBackoff;
import io.github.natsjetstream.retry.RetryBackoff;

/**
 * Maps {@code nats.jetstream.consumer-defaults.*} and
 * {@code nats.jetstream.dead-letter.subject} to the default settings of every handler.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerDefaults {

	private HandlerDefaults() {
	}

	/**
	 * Return the defaults the properties declare.
	 * @param jetstream the JetStream properties
	 * @return the default settings, every value but the error classifier declared
	 * @throws InvalidHandlerException naming the property when the backoff is invalid
	 */
	static DeclaredHandlerSettings of(NatsProperties.Jetstream jetstream) {
		NatsProperties.ConsumerDefaults defaults = jetstream.getConsumerDefaults();
		DeadLetterSubjectTemplate.parse(jetstream.getDeadLetter().getSubject(), "nats.jetstream.dead-letter.subject");
		return new DeclaredHandlerSettings(defaults.getConcurrency(), defaults.getMaxDeliver(),
				backoff(defaults.getBackoff()), defaults.getAckWait(), defaults.getMaxAckPending(),
				defaults.getDeliverPolicy(), jetstream.getDeadLetter().getSubject(), true, List.of(), null,
				PriorityPolicySetting.NONE, defaults.getPinTimeout(), 0L);
	}

	private static RetryBackoff backoff(NatsProperties.Backoff backoff) {
		try {
			if (!backoff.getDelays().isEmpty()) {
				return new ListBackoff(backoff.getDelays());
			}
			return new ExponentialBackoff(backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
					backoff.getJitter());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidHandlerException("Invalid nats.jetstream.consumer-defaults.backoff (delays="
					+ backoff.getDelays() + ", delay=" + backoff.getDelay() + ", multiplier=" + backoff.getMultiplier()
					+ ", max-delay=" + backoff.getMaxDelay() + ", jitter=" + backoff.getJitter() + "): "
					+ ex.getMessage(), ex);
		}
	}

}

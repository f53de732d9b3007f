package io.github.natsjetstream.autoconfigure;

import java.time.Duration;

import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.support.PropertyValues;
import org.jspecify.annotations.Nullable;

/**
 * Decides how long handlers may finish their messages at shutdown, within the time Spring
 * gives each shutdown phase ({@code spring.lifecycle.timeout-per-shutdown-phase}): after
 * the handlers finish, their workers still need a moment to return the messages they
 * pulled, and Spring stops waiting when the phase times out.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ShutdownTimeout {

	/**
	 * What the workers need after the handlers finished: their pulls expire (1s), the
	 * last messages arrive (0.5s) and are returned, with room to spare.
	 */
	static final Duration RETURN_ALLOWANCE = Duration.ofSeconds(5);

	private ShutdownTimeout() {
	}

	/**
	 * Return the shutdown timeout of the handlers.
	 * @param configured {@code nats.jetstream.shutdown-timeout}, or {@code null}
	 * @param phase {@code spring.lifecycle.timeout-per-shutdown-phase}
	 * @return the configured timeout, or the phase timeout less the allowance
	 * @throws InvalidHandlerException when the configured timeout leaves less than the
	 * allowance within the phase
	 */
	static Duration resolve(@Nullable Duration configured, Duration phase) {
		Duration limit = phase.minus(RETURN_ALLOWANCE);
		if (configured == null) {
			return (limit.compareTo(Duration.ofSeconds(1)) > 0) ? limit : phase.dividedBy(2);
		}
		if (configured.compareTo(limit) > 0) {
			throw new InvalidHandlerException("nats.jetstream.shutdown-timeout (" + format(configured)
					+ ") leaves less than " + format(RETURN_ALLOWANCE) + " within "
					+ "spring.lifecycle.timeout-per-shutdown-phase (" + format(phase) + ") for handlers to return the "
					+ "messages they pulled before Spring stops waiting: set nats.jetstream.shutdown-timeout to at most "
					+ format(limit) + " or raise spring.lifecycle.timeout-per-shutdown-phase to at least "
					+ format(configured.plus(RETURN_ALLOWANCE)) + ".");
		}
		return configured;
	}

	private static String format(Duration duration) {
		return PropertyValues.format(duration);
	}

}

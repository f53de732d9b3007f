package io.github.natsjetstream.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import org.springframework.util.Assert;

/**
 * A {@link RetryBackoff} that grows by a multiplier up to a maximum, with optional
 * jitter; named like Spring Boot's Kafka retry backoff.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ExponentialBackoff implements RetryBackoff {

	private final Duration delay;

	private final double multiplier;

	private final Duration maxDelay;

	private final double jitter;

	/**
	 * Create a new instance.
	 * @param delay the delay before the first redelivery
	 * @param multiplier the factor applied for each further redelivery (at least 1)
	 * @param maxDelay the maximum delay
	 * @param jitter the random variation of each delay, as a fraction of it (0 to 1)
	 */
	public ExponentialBackoff(Duration delay, double multiplier, Duration maxDelay, double jitter) {
		Assert.isTrue(!delay.isNegative(), "'delay' must not be negative");
		Assert.isTrue(multiplier >= 1.0, "'multiplier' must be at least 1");
		Assert.isTrue(maxDelay.compareTo(delay) >= 0, "'maxDelay' must not be less than 'delay'");
		Assert.isTrue(jitter >= 0.0 && jitter <= 1.0, "'jitter' must be between 0 and 1");
		this.delay = delay;
		this.multiplier = multiplier;
		this.maxDelay = maxDelay;
		this.jitter = jitter;
	}

	@Override
	public Duration delayAfter(long failedDelivery) {
		double millis = baseMillis(failedDelivery);
		if (this.jitter > 0.0) {
			millis += millis * this.jitter * (ThreadLocalRandom.current().nextDouble() * 2.0 - 1.0);
		}
		return Duration.ofMillis(Math.max(0, Math.round(millis)));
	}

	/**
	 * Return the schedule without jitter, so that the consumer's configuration is the
	 * same at every start.
	 */
	@Override
	public List<Duration> schedule(int maxDeliver) {
		return LongStream.rangeClosed(1, Math.max(0, maxDeliver - 1))
			.mapToObj((delivery) -> Duration.ofMillis(Math.round(baseMillis(delivery))))
			.toList();
	}

	private double baseMillis(long failedDelivery) {
		double millis = this.delay.toMillis() * Math.pow(this.multiplier, Math.max(0, failedDelivery - 1));
		return Math.min(millis, this.maxDelay.toMillis());
	}

	@Override
	public String toString() {
		return "exponential(delay=" + this.delay + ", multiplier=" + this.multiplier + ", max-delay=" + this.maxDelay
				+ ", jitter=" + this.jitter + ")";
	}

}

package io.github.natsjetstream.retry;

import java.time.Duration;
import java.util.List;

import org.springframework.util.Assert;

/**
 * A {@link RetryBackoff} given as a list of delays, the last of which repeats.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ListBackoff implements RetryBackoff {

	private final List<Duration> delays;

	/**
	 * Create a new instance.
	 * @param delays the delays before the first, second, ... redelivery
	 */
	public ListBackoff(List<Duration> delays) {
		Assert.notEmpty(delays, "'delays' must not be empty");
		Assert.noNullElements(delays, "'delays' must not contain null elements");
		Assert.isTrue(delays.stream().noneMatch(Duration::isNegative), "'delays' must not be negative");
		this.delays = List.copyOf(delays);
	}

	/**
	 * Return the delays.
	 * @return the delays
	 */
	public List<Duration> getDelays() {
		return this.delays;
	}

	@Override
	public Duration delayAfter(long failedDelivery) {
		int index = (int) Math.min(Math.max(failedDelivery, 1), this.delays.size()) - 1;
		return this.delays.get(index);
	}

	@Override
	public String toString() {
		return this.delays.toString();
	}

}

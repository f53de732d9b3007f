package io.github.natsjetstream.retry;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

/**
 * How long to wait before redelivering a message whose handler failed.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public interface RetryBackoff {

	/**
	 * Return the delay before the next delivery of a message that failed on the given
	 * delivery.
	 * @param failedDelivery the number of the delivery that failed, starting at 1
	 * @return the delay before redelivering
	 */
	Duration delayAfter(long failedDelivery);

	/**
	 * Return the schedule for the consumer's server-side {@code backoff}: one delay per
	 * redelivery, for a consumer that delivers at most {@code maxDeliver} times.
	 * @param maxDeliver the maximum number of deliveries
	 * @return the delays, at most {@code maxDeliver - 1} of them
	 */
	default List<Duration> schedule(int maxDeliver) {
		return LongStream.rangeClosed(1, Math.max(0, maxDeliver - 1))
			.mapToObj(this::delayAfter)
			.toList();
	}

}

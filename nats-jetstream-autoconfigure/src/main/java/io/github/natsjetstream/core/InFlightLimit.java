package io.github.natsjetstream.core;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.util.Assert;

/**
 * Bounds the asynchronous publishes of a template that await their acknowledgement: a
 * publish takes a place before it is sent and gives it back when acknowledged or failed;
 * when none is free it waits, up to a timeout.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class InFlightLimit {

	private final int maxInFlight;

	private final Duration timeout;

	private final Semaphore places;

	InFlightLimit(int maxInFlight, Duration timeout) {
		Assert.isTrue(maxInFlight > 0, () -> "'maxInFlight' must be positive, but was " + maxInFlight);
		Assert.isTrue(!timeout.isNegative(), () -> "'timeout' must not be negative, but was " + timeout);
		this.maxInFlight = maxInFlight;
		this.timeout = timeout;
		this.places = new Semaphore(maxInFlight);
	}

	/**
	 * Take a place, waiting up to the timeout for one to be free.
	 * @param subject the subject about to be published to, for errors
	 * @throws NatsPublishException when no place became free in time, or the thread was
	 * interrupted
	 */
	void acquire(String subject) {
		if (this.places.tryAcquire()) {
			return;
		}
		try {
			if (!this.places.tryAcquire(this.timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw PublishFailures.maxInFlight(subject, this.maxInFlight, this.timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw PublishFailures.interrupted(subject, ex);
		}
	}

	/**
	 * Give a place back.
	 */
	void release() {
		this.places.release();
	}

	/**
	 * Return how many publishes hold a place.
	 * @return the number of publishes in flight
	 */
	int inFlight() {
		return this.maxInFlight - this.places.availablePermits();
	}

	int maxInFlight() {
		return this.maxInFlight;
	}

	Duration timeout() {
		return this.timeout;
	}

}

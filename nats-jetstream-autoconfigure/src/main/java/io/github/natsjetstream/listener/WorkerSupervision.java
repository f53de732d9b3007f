package io.github.natsjetstream.listener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Follows the failures of one worker in episodes: the first failure of an episode is
 * logged with its cause, the next ones only counted, and the episode ends, with one
 * line, when the worker runs again (has pulled from its consumer). Between failures the worker waits an exponentially
 * growing delay. The state is what health checks read.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class WorkerSupervision {

	private static final Log logger = LogFactory.getLog(WorkerSupervision.class);

	private static final Duration MAX_DELAY = Duration.ofSeconds(30);

	private final String worker;

	private final Duration firstDelay;

	private final Clock clock;

	private volatile @Nullable Episode episode;

	WorkerSupervision(String worker, Duration firstDelay, Clock clock) {
		this.worker = worker;
		this.firstDelay = firstDelay;
		this.clock = clock;
	}

	/**
	 * Record a failure and return how long to wait before running again.
	 * @param failure what went wrong
	 * @return the delay before the next attempt
	 */
	Duration failed(Throwable failure) {
		Episode current = this.episode;
		if (current == null) {
			logger.error("Worker " + this.worker + " failed and restarts in " + this.firstDelay.toMillis() + " ms: "
					+ failure, failure);
			current = new Episode(this.clock.instant(), 1, failure);
		}
		else {
			logger.debug("Worker " + this.worker + " failed again (" + (current.failures() + 1) + " times): " + failure);
			current = new Episode(current.since(), current.failures() + 1, failure);
		}
		this.episode = current;
		long factor = 1L << Math.min(current.failures() - 1, 10);
		Duration delay = this.firstDelay.multipliedBy(factor);
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

	/**
	 * Record that the worker runs: ends an episode of failures.
	 */
	void running() {
		Episode ended = this.episode;
		if (ended != null) {
			this.episode = null;
			logger.warn("Worker " + this.worker + " runs again after " + ended.failures() + " failure(s) since "
					+ ended.since());
		}
	}

	/**
	 * Return the current episode of failures.
	 * @return the episode, or {@code null} when the worker runs
	 */
	@Nullable Episode episode() {
		return this.episode;
	}

	/**
	 * Failures since the worker last ran.
	 *
	 * @param since when the first failure happened
	 * @param failures how many failures so far
	 * @param last the last failure
	 */
	record Episode(Instant since, int failures, Throwable last) {

	}

}

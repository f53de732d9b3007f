package io.github.natsjetstream.test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A point in time after which polling gives up.
 */
final class Deadline {

	/** Pause between two polls of a condition that has no event to wait on. */
	static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	private final long deadlineNanos;

	private Deadline(long deadlineNanos) {
		this.deadlineNanos = deadlineNanos;
	}

	/**
	 * Creates a deadline the given time from now.
	 * @param timeout time until the deadline
	 * @return the deadline
	 */
	static Deadline after(Duration timeout) {
		return new Deadline(System.nanoTime() + timeout.toNanos());
	}

	/**
	 * Tells whether the deadline has passed.
	 * @return {@code true} once the deadline has passed
	 */
	boolean hasPassed() {
		return remainingNanos() <= 0;
	}

	/**
	 * Time left until the deadline, never negative.
	 * @return the remaining time in nanoseconds
	 */
	long remainingNanos() {
		return Math.max(0, this.deadlineNanos - System.nanoTime());
	}

	/**
	 * Parks the current thread for one poll interval, or less when the deadline is nearer.
	 * @throws IllegalStateException if the thread was interrupted
	 */
	void pause() {
		LockSupport.parkNanos(Math.min(POLL_INTERVAL.toNanos(), remainingNanos()));
		if (Thread.currentThread().isInterrupted()) {
			throw new IllegalStateException("Interrupted while waiting");
		}
	}

	/**
	 * Shortest of the poll interval and the remaining time, in milliseconds.
	 * @return the next wait in milliseconds
	 */
	long nextWaitMillis() {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(POLL_INTERVAL.toNanos(), remainingNanos())));
	}

}

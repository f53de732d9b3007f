package io.github.natsjetstream.listener;

import java.util.ArrayDeque;

/**
 * Keeps account of a worker's outstanding pull requests, so that the worker can keep the
 * server sending (a new pull once few requested messages are left) and, when stopping,
 * know when every pull has ended and no message for it can arrive any more.
 * <p>
 * Every pull carries an expiry, after which the server sends nothing more for it; a pull
 * counts as ended once all its messages arrived or its expiry (plus a grace for messages
 * in transit) has passed. Messages are counted against the oldest pull still waiting for
 * some: the server may spread messages over the pulls, but only the total matters. Not
 * thread-safe: one worker uses it, under its subscription's lock.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class PullTracker {

	private final int batchSize;

	private final long expiresNanos;

	private final long graceNanos;

	private final int maxOutstandingPulls;

	private final int threshold;

	private final ArrayDeque<Pull> pulls = new ArrayDeque<>();

	private int requested;

	/**
	 * Create a new tracker.
	 * @param batchSize the messages each pull asks for
	 * @param expiresNanos how long each pull waits on the server
	 * @param graceNanos how long after its expiry a pull's last messages may still
	 * arrive
	 * @param maxOutstandingPulls how many pulls may be outstanding at once
	 */
	PullTracker(int batchSize, long expiresNanos, long graceNanos, int maxOutstandingPulls) {
		this.batchSize = batchSize;
		this.expiresNanos = expiresNanos;
		this.graceNanos = graceNanos;
		this.maxOutstandingPulls = maxOutstandingPulls;
		this.threshold = Math.max(1, batchSize / 4);
	}

	/**
	 * Return whether a new pull should be requested now: when fewer than a quarter of a
	 * batch is still to come from the server, at most a batch has arrived but waits to
	 * be handled, and another pull may be outstanding. Counting what has arrived (rather
	 * than only what has been handled) asks for the next messages while the worker is
	 * still busy with the last ones, as jnats' own {@code consume()} does, so the server
	 * is never left without a pull; capping what waits keeps slow handlers from holding
	 * many messages they cannot reach before the ack wait.
	 * @param now the current {@link System#nanoTime()}
	 * @param arrived messages that arrived and wait to be handled
	 * @return whether to pull
	 */
	boolean shouldPull(long now, long arrived) {
		expire(now);
		return this.pulls.size() < this.maxOutstandingPulls && this.requested - arrived < this.threshold
				&& arrived < this.batchSize;
	}

	/**
	 * Record a pull requested now.
	 * @param now the current {@link System#nanoTime()}
	 */
	void pulled(long now) {
		this.pulls.add(new Pull(now, now + this.expiresNanos, this.batchSize));
		this.requested += this.batchSize;
	}

	/**
	 * Record a message received.
	 * @param now the current {@link System#nanoTime()}
	 * @return when the pull it is counted against was requested: the server delivered
	 * the message, and started its ack wait, no earlier; {@code now} when no pull is
	 * outstanding
	 */
	long received(long now) {
		Pull oldest = this.pulls.peek();
		if (oldest == null) {
			return now;
		}
		this.requested--;
		if (--oldest.remaining == 0) {
			this.pulls.poll();
		}
		return oldest.requestedAt;
	}

	/**
	 * Return whether every pull has ended, so that nothing more can arrive.
	 * @param now the current {@link System#nanoTime()}
	 * @return whether all pulls ended
	 */
	boolean allEnded(long now) {
		expire(now);
		return this.pulls.isEmpty();
	}

	/**
	 * Forget every pull: they belonged to a subscription that is gone.
	 */
	void reset() {
		this.pulls.clear();
		this.requested = 0;
	}

	/**
	 * Return the batch size of each pull.
	 * @return the batch size
	 */
	int batchSize() {
		return this.batchSize;
	}

	/**
	 * Forget the pulls that ended by expiring. Pulls expire in the order they were
	 * requested, so the expired ones are at the head.
	 */
	private void expire(long now) {
		Pull oldest = this.pulls.peek();
		while (oldest != null && now - oldest.expiresAt > this.graceNanos) {
			this.pulls.poll();
			this.requested -= oldest.remaining;
			oldest = this.pulls.peek();
		}
	}

	private static final class Pull {

		private final long requestedAt;

		private final long expiresAt;

		private int remaining;

		Pull(long requestedAt, long expiresAt, int remaining) {
			this.requestedAt = requestedAt;
			this.expiresAt = expiresAt;
			this.remaining = remaining;
		}

	}

}

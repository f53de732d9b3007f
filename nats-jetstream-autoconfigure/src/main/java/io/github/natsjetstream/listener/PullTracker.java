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
 * <p>
 * An idle worker should cost next to nothing: once the server has ended a pull that
 * brought not a single message, the tracker counts the worker as idle and its next pull as a long one,
 * which waits on the server until a message comes (the server sends it at once) or the
 * long expiry passes. The first message ends the idleness, and the pulls after it are
 * short again, so that a stopping worker that is busy never waits long for its pulls to
 * end. An idle worker pulls at most once per short expiry, however its pulls end.
 * <p>
 * A long pull is not renewed before it expires: the server's end of it (its 408) wakes
 * the worker, which pulls again at once. Long pulls expire at the same instants in every
 * worker of the JVM ({@link #expiryOfNextPull}), so the server ends them together, and
 * the client reads those ends, wakes the idle workers and writes their next pulls in one
 * go rather than once for each worker.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class PullTracker {

	private static final long RENEW_BEFORE_NANOS = 100_000_000L;

	private final int batchSize;

	private final long expiresNanos;

	private final long idleExpiresNanos;

	private final long graceNanos;

	private final int maxOutstandingPulls;

	private final int threshold;

	private final ArrayDeque<Pull> pulls;

	private int requested;

	private boolean idle;

	private long lastPulledAt;

	private boolean pulledOnce;

	private long lastReceivedAt;

	private boolean receivedOnce;

	private long lastEndedAt;

	private boolean endedOnce;

	/**
	 * Create a new tracker.
	 * @param batchSize the messages each pull asks for
	 * @param expiresNanos how long each pull waits on the server while messages come
	 * @param idleExpiresNanos how long a pull of an idle worker waits on the server
	 * @param graceNanos how long after its expiry a pull's last messages may still
	 * arrive
	 * @param maxOutstandingPulls how many pulls may be outstanding at once
	 */
	PullTracker(int batchSize, long expiresNanos, long idleExpiresNanos, long graceNanos, int maxOutstandingPulls) {
		this.batchSize = batchSize;
		this.expiresNanos = expiresNanos;
		this.idleExpiresNanos = idleExpiresNanos;
		this.graceNanos = graceNanos;
		this.maxOutstandingPulls = maxOutstandingPulls;
		this.pulls = new ArrayDeque<>(maxOutstandingPulls);
		this.threshold = Math.max(1, batchSize / 4);
	}

	/**
	 * Return whether a new pull should be requested now: when fewer than a quarter of a
	 * batch is still to come from the server, at most a batch has arrived but waits to
	 * be handled, and another pull may be outstanding. A pull about to expire counts as
	 * ended here, so that the next is on the server before it expires: a worker whose
	 * messages come slowly is never left without a pull for the grace of the last one. Counting what has arrived (rather
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
		if (this.idle && this.pulledOnce && now - this.lastPulledAt < this.expiresNanos) {
			return false;
		}
		int live = 0;
		long stillToCome = 0;
		for (Pull pull : this.pulls) {
			if (pull.isLive(now)) {
				live++;
				stillToCome += pull.remaining;
			}
		}
		return live < this.maxOutstandingPulls && stillToCome - arrived < this.threshold && arrived < this.batchSize;
	}

	/**
	 * Return whether the worker is idle: nothing arrived during the life of its last pull
	 * to end, and nothing since. Its next pull is then a long one.
	 * @return whether idle
	 */
	boolean idle() {
		return this.idle;
	}

	/**
	 * Return the expiry of a pull requested now: the short expiry, or for an
	 * {@link #idle()} worker a long one that ends at the next multiple of half the long
	 * expiry (on the {@link System#nanoTime()} scale) at least that half away. Every idle
	 * worker's long pulls thus end at the same instants, once per long expiry, and a long
	 * pull is never longer than the long expiry.
	 * @param now the current {@link System#nanoTime()}
	 * @return the expiry in nanoseconds
	 */
	long expiryOfNextPull(long now) {
		return this.idle ? longExpiry(now, this.idleExpiresNanos) : this.expiresNanos;
	}

	/**
	 * Return the expiry of a long pull requested now: it ends at the next multiple of
	 * half the long expiry (on the {@link System#nanoTime()} scale) at least that half
	 * away, so every long pull of the JVM ends at the same instants, once per long
	 * expiry, and none is longer than the long expiry.
	 * @param now the current {@link System#nanoTime()}
	 * @param idleExpiresNanos the long expiry
	 * @return the expiry in nanoseconds
	 */
	static long longExpiry(long now, long idleExpiresNanos) {
		long half = idleExpiresNanos / 2;
		return 2 * half - Math.floorMod(now, half);
	}

	/**
	 * Record that the worker resumed after it was parked ({@link ParkedWorkers}): with
	 * the message its long pull brought, or without one when that pull ended otherwise
	 * than by its expiry. Either way it is not idle: its next pulls are short.
	 * @param now the current {@link System#nanoTime()}
	 * @param withMessage whether its long pull brought a message
	 */
	void resumed(long now, boolean withMessage) {
		this.idle = false;
		if (withMessage) {
			this.lastReceivedAt = now;
			this.receivedOnce = true;
		}
	}

	/**
	 * Record a pull requested now, long if the worker is {@link #idle()}.
	 * @param now the current {@link System#nanoTime()}
	 * @param expiresNanos its expiry, as {@link #expiryOfNextPull} gave it
	 */
	void pulled(long now, long expiresNanos) {
		long expiresAt = now + expiresNanos;
		long renewAt = this.idle ? expiresAt + this.graceNanos + 1
				: expiresAt - Math.min(RENEW_BEFORE_NANOS, expiresNanos / 10);
		this.pulls.add(new Pull(now, expiresAt, renewAt, this.batchSize, this.idle));
		this.requested += this.batchSize;
		this.lastPulledAt = now;
		this.pulledOnce = true;
	}

	/**
	 * Return when a pull may be due without any message arriving first: when the first
	 * outstanding short pull is about to expire, a long one has passed its grace without
	 * its end, a pull has ended, or, with none outstanding, when an idle worker may pull
	 * again.
	 * @param now the current {@link System#nanoTime()}
	 * @return the {@link System#nanoTime()} at which to look at the pulls again
	 */
	long nextDue(long now) {
		expire(now);
		long due = Long.MAX_VALUE;
		boolean any = false;
		for (Pull pull : this.pulls) {
			long at = pull.isLive(now) ? pull.renewAt : pull.expiresAt + this.graceNanos + 1;
			if (!any || at - due < 0) {
				due = at;
				any = true;
			}
		}
		if (any) {
			return due;
		}
		return (this.idle && this.pulledOnce) ? this.lastPulledAt + this.expiresNanos : now;
	}

	/**
	 * Record that a pull ended on the server before its messages (a status: its expiry,
	 * a new leader). An expired pull makes the worker idle only when such an end came
	 * for it: a pull that the server dropped without a word (a consumer without a leader,
	 * a node gone) says nothing about the stream, so the worker goes on with short pulls
	 * until the server answers again, rather than waiting out a long one it may drop too.
	 * When the worker is idle, its long pull has ended: nothing more can come for it, so
	 * it is forgotten at once, and the worker may pull again, no sooner than a short
	 * expiry after the last pull. A busy worker's short pulls are left to expire.
	 * @param now the current {@link System#nanoTime()}
	 */
	void pullEnded(long now) {
		this.lastEndedAt = now;
		this.endedOnce = true;
		Pull oldest = this.pulls.peek();
		if (this.idle && oldest != null && oldest.idle) {
			this.pulls.poll();
			this.requested -= oldest.remaining;
		}
	}

	/**
	 * Return whether a long pull is outstanding: a stopping worker ends it by
	 * unsubscribing rather than waiting for its expiry.
	 * @param now the current {@link System#nanoTime()}
	 * @return whether one is outstanding
	 */
	boolean longPullOutstanding(long now) {
		expire(now);
		return this.pulls.stream().anyMatch((pull) -> pull.idle);
	}

	/**
	 * Return whether every short pull has ended, so that nothing more can arrive but on
	 * a long pull.
	 * @param now the current {@link System#nanoTime()}
	 * @return whether all short pulls ended
	 */
	boolean allShortEnded(long now) {
		expire(now);
		return this.pulls.stream().allMatch((pull) -> pull.idle);
	}

	/**
	 * Record a message received.
	 * @param now the current {@link System#nanoTime()}
	 * @return when the pull it is counted against was requested: the server delivered
	 * the message, and started its ack wait, no earlier; {@code now} when no pull is
	 * outstanding
	 */
	long received(long now) {
		this.idle = false;
		this.lastReceivedAt = now;
		this.receivedOnce = true;
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
	 * Forget every pull: they belonged to a subscription that is gone, or to a server that
	 * lost them.
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
			if (!this.receivedOnce || this.lastReceivedAt - oldest.requestedAt < 0) {
				// Nothing came during its life: idle if the server ended it, lost if not.
				this.idle = this.endedOnce && this.lastEndedAt - oldest.expiresAt >= 0;
			}
			oldest = this.pulls.peek();
		}
	}

	private static final class Pull {

		private final long requestedAt;

		private final long expiresAt;

		/**
		 * When the pull is renewed: a short one when about to expire (a tenth of its
		 * expiry before, at most 100ms), a long one never (once its grace has passed, it
		 * counts as lost).
		 */
		private final long renewAt;

		private final boolean idle;

		private int remaining;

		Pull(long requestedAt, long expiresAt, long renewAt, int remaining, boolean idle) {
			this.requestedAt = requestedAt;
			this.expiresAt = expiresAt;
			this.renewAt = renewAt;
			this.remaining = remaining;
			this.idle = idle;
		}

		boolean isLive(long now) {
			return now - this.renewAt < 0;
		}

	}

}

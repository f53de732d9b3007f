package io.github.natsjetstream.core;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Fails the futures of asynchronous publishes that were not acknowledged in time, with a
 * {@link TimeoutException}. A timer per publish ({@link CompletableFuture#orTimeout})
 * costs a scheduled task and its cancellation on one shared, locked queue per message;
 * here a publish is one entry in a queue per timeout, whose deadlines come in the order
 * the messages were sent, and one sweep every few milliseconds, scheduled only while
 * publishes are pending, fails the overdue ones and drops those that completed. A
 * publish therefore fails between its timeout and a tenth of it (at most 100 ms) later.
 * The queue of the timeout last used is kept at hand, so that publishes with the same
 * timeout, the usual case, find it without a lookup.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class AckTimeouts {

	private static final long MIN_SWEEP_INTERVAL = TimeUnit.MILLISECONDS.toNanos(10);

	private static final long MAX_SWEEP_INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);

	private final ConcurrentMap<Long, Queue<Pending>> pendingByTimeout = new ConcurrentHashMap<>();

	private final AtomicBoolean sweepScheduled = new AtomicBoolean();

	private volatile @Nullable TimeoutQueue lastUsed;

	/**
	 * Fail the future with a {@link TimeoutException} unless it completes within the
	 * timeout.
	 * @param future the future of a publish just sent
	 * @param timeout the timeout
	 */
	void track(CompletableFuture<?> future, Duration timeout) {
		long nanos = timeout.toNanos();
		TimeoutQueue queue = this.lastUsed;
		if (queue == null || queue.nanos() != nanos) {
			queue = new TimeoutQueue(nanos,
					this.pendingByTimeout.computeIfAbsent(nanos, (key) -> new ConcurrentLinkedQueue<>()));
			this.lastUsed = queue;
		}
		queue.pending().add(new Pending(future, System.nanoTime() + nanos));
		if (!this.sweepScheduled.get() && this.sweepScheduled.compareAndSet(false, true)) {
			scheduleSweep();
		}
	}

	/**
	 * Return how many publishes are tracked, completed ones not yet dropped included.
	 * @return the number of entries
	 */
	int tracked() {
		return this.pendingByTimeout.values().stream().mapToInt(Queue::size).sum();
	}

	private void scheduleSweep() {
		long interval = MAX_SWEEP_INTERVAL;
		for (Long timeout : this.pendingByTimeout.keySet()) {
			interval = Math.min(interval, Math.max(MIN_SWEEP_INTERVAL, timeout / 10));
		}
		CompletableFuture.delayedExecutor(interval, TimeUnit.NANOSECONDS).execute(this::sweep);
	}

	private void sweep() {
		long now = System.nanoTime();
		boolean remaining = false;
		for (Queue<Pending> pending : this.pendingByTimeout.values()) {
			for (Pending head = pending.peek(); head != null; head = pending.peek()) {
				boolean done = head.future().isDone();
				if (!done && now - head.deadline() < 0) {
					break;
				}
				pending.poll();
				if (!done) {
					head.future().completeExceptionally(new TimeoutException());
				}
			}
			remaining |= !pending.isEmpty();
		}
		if (remaining) {
			scheduleSweep();
			return;
		}
		this.sweepScheduled.set(false);
		// A publish tracked after the queues were seen empty, and before the flag was
		// cleared, found a sweep scheduled: schedule one for it.
		if (this.pendingByTimeout.values().stream().anyMatch((pending) -> !pending.isEmpty())
				&& this.sweepScheduled.compareAndSet(false, true)) {
			scheduleSweep();
		}
	}

	private record Pending(CompletableFuture<?> future, long deadline) {
	}

	private record TimeoutQueue(long nanos, Queue<Pending> pending) {
	}

}

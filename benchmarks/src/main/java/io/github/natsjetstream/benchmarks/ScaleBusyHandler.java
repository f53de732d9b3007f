package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsjetstream.annotation.NatsHandler;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The busy handler of the scale case's application, beside its idle ones: consumes the
 * stream of its own ({@code scale.busy.subjects}, {@link ScaleSubjects#busyPrefix}),
 * counts what it handles, takes the time of the first and of the expected last message of
 * a phase, and in a latency phase records each message's time from its publish
 * ({@link Order#sentNanos()}, the publisher's {@link System#nanoTime()}: another process
 * on the same machine, whose monotonic clock this process shares on Linux) until the
 * handler has the decoded record.
 */
public class ScaleBusyHandler {

	/** The handler's id, to pause and resume its container. */
	static final String ID = "busy";

	private final AtomicLong count = new AtomicLong();

	private volatile long expected = Long.MAX_VALUE;

	private volatile CountDownLatch done = new CountDownLatch(1);

	private volatile @Nullable Histogram latencies;

	private volatile long firstNanos;

	private volatile long lastNanos;

	/** Kept so that decoding cannot be optimized away. */
	private long checksum;

	@NatsHandler(value = "${scale.busy.subjects}", id = ID)
	void on(Order order) {
		long n = this.count.incrementAndGet();
		Histogram histogram = this.latencies;
		if (n == 1 || histogram != null) {
			long now = System.nanoTime();
			if (n == 1) {
				this.firstNanos = now;
			}
			if (histogram != null) {
				histogram.recordValue(Math.max(0, now - order.sentNanos()));
			}
		}
		this.checksum += order.quantity();
		if (n == this.expected) {
			this.lastNanos = System.nanoTime();
			this.done.countDown();
		}
	}

	/**
	 * Start a phase.
	 * @param messages how many messages it expects
	 */
	void expect(long messages) {
		start(messages, null);
	}

	/**
	 * Start a phase that records each message's latency.
	 * @param messages how many messages it expects
	 * @return the latencies, in nanoseconds
	 */
	Histogram expectRecording(long messages) {
		Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
		start(messages, histogram);
		return histogram;
	}

	private void start(long messages, @Nullable Histogram histogram) {
		this.done = new CountDownLatch(1);
		this.expected = messages;
		this.latencies = histogram;
		this.count.set(0);
	}

	/**
	 * Wait until the phase's messages have been handled.
	 * @param timeout how long to wait
	 * @return whether they were
	 * @throws InterruptedException when interrupted
	 */
	boolean await(Duration timeout) throws InterruptedException {
		return this.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Return the messages handled in this phase so far.
	 * @return the count
	 */
	long count() {
		return this.count.get();
	}

	/**
	 * Return the time from the phase's first handled message to its expected last one.
	 * @return the time, in nanoseconds
	 */
	long firstToLastNanos() {
		return this.lastNanos - this.firstNanos;
	}

}

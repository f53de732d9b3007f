package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Where the raw consumer and the handlers put each decoded {@link Order}: counts them,
 * signals when the expected number arrived, and in latency runs records publish-to-handler
 * latency.
 */
public final class MessageSink {

	private final AtomicLong count = new AtomicLong();

	private volatile long expected = Long.MAX_VALUE;

	private volatile CountDownLatch done = new CountDownLatch(1);

	private volatile @Nullable Histogram latencies;

	private volatile long recordFromNanos;

	/** Kept so that decoding cannot be optimized away. */
	private long checksum;

	/**
	 * Start counting anew.
	 * @param expected how many messages the run expects
	 */
	void reset(long expected) {
		this.count.set(0);
		this.latencies = null;
		this.done = new CountDownLatch(1);
		this.expected = expected;
	}

	/**
	 * Start counting anew and record the latency of messages published from the given time.
	 * @param expected how many messages the run expects
	 * @param recordFromNanos the earliest publish time to record
	 * @return the histogram, in nanoseconds
	 */
	Histogram resetRecording(long expected, long recordFromNanos) {
		reset(expected);
		Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
		this.recordFromNanos = recordFromNanos;
		this.latencies = histogram;
		return histogram;
	}

	/**
	 * Take one handled message.
	 * @param order the decoded message
	 */
	public void accept(Order order) {
		Histogram histogram = this.latencies;
		if (histogram != null && order.sentNanos() >= this.recordFromNanos) {
			histogram.recordValue(Math.max(0, System.nanoTime() - order.sentNanos()));
		}
		this.checksum += order.quantity();
		if (this.count.incrementAndGet() == this.expected) {
			this.done.countDown();
		}
	}

	/**
	 * Wait until the expected number of messages was handled.
	 * @param timeout how long to wait
	 * @return whether they were
	 * @throws InterruptedException when interrupted
	 */
	boolean await(Duration timeout) throws InterruptedException {
		return this.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	long count() {
		return this.count.get();
	}

}

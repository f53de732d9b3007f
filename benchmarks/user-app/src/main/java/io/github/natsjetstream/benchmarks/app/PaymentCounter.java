package io.github.natsjetstream.benchmarks.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts the payments handled and signals when the expected number has arrived.
 */
@Component
class PaymentCounter {

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong others = new AtomicLong();

	private final long expected;

	private final CountDownLatch done = new CountDownLatch(1);

	/** Kept so that decoding cannot be optimized away. */
	private volatile long checksum;

	PaymentCounter(@Value("${bench.messages:0}") long expected) {
		this.expected = expected;
	}

	void accept(Payment payment) {
		this.checksum += payment.amountCents();
		if (this.count.incrementAndGet() == this.expected) {
			this.done.countDown();
		}
	}

	void other(Payment payment) {
		this.others.incrementAndGet();
	}

	/**
	 * Wait until the expected number of payments was handled.
	 * @param timeout how long to wait
	 * @return how many were handled
	 * @throws InterruptedException when interrupted
	 */
	long await(Duration timeout) throws InterruptedException {
		this.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		return this.count.get();
	}

}

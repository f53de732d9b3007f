package io.github.natsjetstream.retry;

import java.util.concurrent.atomic.AtomicLongArray;

import org.springframework.util.Assert;

/**
 * How many messages a handler dead-lettered, by reason, since it was created: counted
 * once the {@link DeadLetterRecoverer} has recovered each. Read by the
 * {@code nats.dead.letters} counter. Dead letters are rare, so one array of counts
 * (rather than a contention-free adder per reason) keeps every handler's tally small.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class DeadLetterTally {

	private static final int REASONS = DeadLetterReason.values().length;

	private final AtomicLongArray counts = new AtomicLongArray(REASONS);

	/**
	 * Create a tally at zero.
	 */
	public DeadLetterTally() {
	}

	/**
	 * Count a dead letter.
	 * @param reason why the message was given up on
	 */
	public void add(DeadLetterReason reason) {
		Assert.notNull(reason, "'reason' must not be null");
		this.counts.incrementAndGet(reason.ordinal());
	}

	/**
	 * Return how many messages were dead-lettered for a reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long count(DeadLetterReason reason) {
		Assert.notNull(reason, "'reason' must not be null");
		return this.counts.get(reason.ordinal());
	}

}

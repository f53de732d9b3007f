package io.github.natsjetstream.retry;

import java.util.concurrent.atomic.LongAdder;

import org.springframework.util.Assert;

/**
 * How many messages a handler dead-lettered, by reason, since it was created: counted
 * once the {@link DeadLetterRecoverer} has recovered each. Read by the
 * {@code nats.dead.letters} counter.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class DeadLetterTally {

	private final LongAdder[] counts;

	/**
	 * Create a tally at zero.
	 */
	public DeadLetterTally() {
		DeadLetterReason[] reasons = DeadLetterReason.values();
		this.counts = new LongAdder[reasons.length];
		for (DeadLetterReason reason : reasons) {
			this.counts[reason.ordinal()] = new LongAdder();
		}
	}

	/**
	 * Count a dead letter.
	 * @param reason why the message was given up on
	 */
	public void add(DeadLetterReason reason) {
		Assert.notNull(reason, "'reason' must not be null");
		this.counts[reason.ordinal()].increment();
	}

	/**
	 * Return how many messages were dead-lettered for a reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long count(DeadLetterReason reason) {
		Assert.notNull(reason, "'reason' must not be null");
		return this.counts[reason.ordinal()].sum();
	}

}

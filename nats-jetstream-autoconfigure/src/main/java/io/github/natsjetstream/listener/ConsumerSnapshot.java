package io.github.natsjetstream.listener;

import java.time.Instant;

import io.nats.client.api.ConsumerInfo;

/**
 * The numbers of a handler's durable consumer as the server gave them at one time.
 *
 * @param at when the server was asked
 * @param present whether the consumer exists; the numbers are zero when it does not
 * @param pending messages of the stream not yet delivered to the consumer
 * @param ackPending messages delivered and not yet acknowledged
 * @param redelivered messages delivered more than once and not yet acknowledged
 * @param paused whether the consumer is paused on the server (nats-server 2.11 and
 * later)
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ConsumerSnapshot(Instant at, boolean present, long pending, long ackPending, long redelivered,
		boolean paused) {

	static ConsumerSnapshot of(ConsumerInfo info, Instant at) {
		return new ConsumerSnapshot(at, true, info.getNumPending(), info.getNumAckPending(), info.getRedelivered(),
				info.getPaused());
	}

	static ConsumerSnapshot of(ConsumerListPage.Entry entry, Instant at) {
		return new ConsumerSnapshot(at, true, entry.pending(), entry.ackPending(), entry.redelivered(),
				entry.paused());
	}

	static ConsumerSnapshot missing(Instant at) {
		return new ConsumerSnapshot(at, false, 0, 0, 0, false);
	}

	/**
	 * Return whether messages wait for the consumer: some not yet delivered, or some
	 * being redelivered.
	 * @return whether there is a backlog
	 */
	public boolean hasBacklog() {
		return this.pending > 0 || this.redelivered > 0;
	}

}

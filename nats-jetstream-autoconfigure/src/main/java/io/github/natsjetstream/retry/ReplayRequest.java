package io.github.natsjetstream.retry;

import org.jspecify.annotations.Nullable;

/**
 * Which dead letters to replay.
 *
 * @param consumer only dead letters of this consumer (durable name), or {@code null} for
 * all
 * @param fromSequence the first dead-letter stream sequence, or {@code null} for the
 * first
 * @param toSequence the last dead-letter stream sequence, or {@code null} for the last
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ReplayRequest(@Nullable String consumer, @Nullable Long fromSequence, @Nullable Long toSequence) {

	/**
	 * Replay every dead letter.
	 * @return the request
	 */
	public static ReplayRequest all() {
		return new ReplayRequest(null, null, null);
	}

	/**
	 * Replay the dead letters of one consumer.
	 * @param consumer the durable name
	 * @return the request
	 */
	public static ReplayRequest ofConsumer(String consumer) {
		return new ReplayRequest(consumer, null, null);
	}

	/**
	 * Replay the dead letters in a range of dead-letter stream sequences.
	 * @param fromSequence the first sequence
	 * @param toSequence the last sequence
	 * @return the request
	 */
	public static ReplayRequest ofSequences(long fromSequence, long toSequence) {
		return new ReplayRequest(null, fromSequence, toSequence);
	}

}

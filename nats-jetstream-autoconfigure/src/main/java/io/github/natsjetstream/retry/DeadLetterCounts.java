package io.github.natsjetstream.retry;

import java.util.Map;

/**
 * How many dead letters there are, by subject and by reason.
 *
 * @param stream the dead-letter stream
 * @param messages the number of dead letters
 * @param firstSequence the first sequence of the stream
 * @param lastSequence the last sequence of the stream
 * @param subjects the number of dead letters per dead-letter subject, from the stream's
 * state
 * @param reasons the number of dead letters per reason (the {@code Dlq-Reason} header)
 * among the {@code reasonsRead} latest
 * @param reasonsRead how many dead letters were read to count the reasons: all of them,
 * or the latest {@value DeadLetterCounter#MAX_READ}
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record DeadLetterCounts(String stream, long messages, long firstSequence, long lastSequence,
		Map<String, Long> subjects, Map<String, Long> reasons, long reasonsRead) {

}

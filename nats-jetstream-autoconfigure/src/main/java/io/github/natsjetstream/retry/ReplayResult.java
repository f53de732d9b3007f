package io.github.natsjetstream.retry;

import java.util.List;

/**
 * What a replay did.
 *
 * @param replayed how many dead letters were republished and removed
 * @param skipped how many dead letters in the range did not match the request
 * @param failedSequences the dead-letter sequences that could not be replayed; they stay
 * in the dead-letter stream
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ReplayResult(int replayed, int skipped, List<Long> failedSequences) {

}

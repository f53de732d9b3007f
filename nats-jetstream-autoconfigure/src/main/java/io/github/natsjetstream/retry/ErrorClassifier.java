package io.github.natsjetstream.retry;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a handler failure is worth retrying.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@FunctionalInterface
public interface ErrorClassifier {

	/**
	 * Classify a failure.
	 * @param failure what the handler (or argument resolution) threw
	 * @return the reason to dead-letter the message at once, or {@code null} to retry it
	 */
	@Nullable DeadLetterReason classify(Throwable failure);

}

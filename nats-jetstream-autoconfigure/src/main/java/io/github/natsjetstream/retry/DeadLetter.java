package io.github.natsjetstream.retry;

import java.time.Instant;

import io.nats.client.Message;
import org.jspecify.annotations.Nullable;

/**
 * A message given up on, with why and where.
 *
 * @param message the original JetStream message
 * @param reason why it is given up on
 * @param failure the last failure, if any
 * @param consumer the durable name of the consumer that gave up
 * @param deadLetterSubject the subject the dead letter is to be published to
 * @param failedAt when it was given up on
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record DeadLetter(Message message, DeadLetterReason reason, @Nullable Throwable failure, String consumer,
		String deadLetterSubject, Instant failedAt) {

}

package io.github.natsjetstream.listener;

import io.github.natsjetstream.support.NatsJetStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a handler's durable consumer exists in a form that cannot be made what the
 * handler needs without deleting it, or when the server refuses the consumer.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class ConsumerConflictException extends NatsJetStreamException {

	/**
	 * Create a new instance.
	 * @param message the detail message
	 */
	public ConsumerConflictException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public ConsumerConflictException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

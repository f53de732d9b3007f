package io.github.natsjetstream.config;

import io.github.natsjetstream.support.NatsJetStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a handler is declared or configured in a way that cannot work.
 * The message names the handler and its method.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class InvalidHandlerException extends NatsJetStreamException {

	/**
	 * Create a new instance.
	 * @param message the detail message
	 */
	public InvalidHandlerException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public InvalidHandlerException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

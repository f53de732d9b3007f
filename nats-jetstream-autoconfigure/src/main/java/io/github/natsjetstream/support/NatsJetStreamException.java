package io.github.natsjetstream.support;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedRuntimeException;

/**
 * Root of the unchecked exceptions thrown by this library. The checked exceptions of
 * jnats are translated into subclasses of this one.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsJetStreamException extends NestedRuntimeException {

	/**
	 * Create a new instance.
	 * @param message the detail message
	 */
	public NatsJetStreamException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public NatsJetStreamException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

package io.github.natsjetstream.retry;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Thrown by a batch handler (a {@code @NatsHandler} method taking a {@code List}) to say
 * which element of the batch failed: the messages before it are acknowledged, the failed
 * one goes through the handler's retry, backoff and dead-letter path with this
 * exception's cause, and the messages after it come back to be handled again without
 * delay. Any other exception thrown by a batch handler fails every message of the batch.
 * <p>
 * Name the element by its index in the list the handler received, or by the element
 * itself (the payload, the {@link io.nats.client.Message} or the spring-messaging
 * {@code Message} the list holds).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsBatchFailedException extends RuntimeException {

	private final int index;

	private final transient @Nullable Object element;

	/**
	 * Create a new exception naming the failed element by its index.
	 * @param message the detail message
	 * @param cause why the element failed; classified as a handler failure would be
	 * @param index the index of the failed element in the list the handler received
	 */
	public NatsBatchFailedException(String message, Throwable cause, int index) {
		super(message, cause);
		Assert.notNull(cause, "'cause' must not be null");
		Assert.isTrue(index >= 0, "'index' must not be negative");
		this.index = index;
		this.element = null;
	}

	/**
	 * Create a new exception naming the failed element itself.
	 * @param message the detail message
	 * @param cause why the element failed; classified as a handler failure would be
	 * @param element the failed element of the list the handler received
	 */
	public NatsBatchFailedException(String message, Throwable cause, Object element) {
		super(message, cause);
		Assert.notNull(cause, "'cause' must not be null");
		Assert.notNull(element, "'element' must not be null");
		this.index = -1;
		this.element = element;
	}

	/**
	 * Return the index of the failed element in the list the handler received.
	 * @param batch the list the handler received
	 * @return the index, or -1 when the named element is not in the list
	 */
	public int indexIn(List<?> batch) {
		if (this.element == null) {
			return (this.index < batch.size()) ? this.index : -1;
		}
		for (int i = 0; i < batch.size(); i++) {
			if (batch.get(i) == this.element) {
				return i;
			}
		}
		return -1;
	}

}

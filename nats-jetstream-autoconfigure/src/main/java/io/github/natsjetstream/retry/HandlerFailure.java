package io.github.natsjetstream.retry;

import java.time.Instant;

import io.github.natsjetstream.connection.ServerUrls;
import org.jspecify.annotations.Nullable;

/**
 * A failure of a handler on one delivery of a message, as kept for inspection: when, on
 * which subject and delivery, and what was thrown. Credentials in URLs are taken out of
 * the exception message, and the message is cut to 1 KiB.
 *
 * @param at when the handler failed
 * @param subject the subject of the message
 * @param delivery the number of the delivery, starting at 1
 * @param exception the class name of what the handler threw
 * @param message the exception message, or {@code null}
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record HandlerFailure(Instant at, String subject, long delivery, String exception, @Nullable String message) {

	private static final int MAX_MESSAGE_LENGTH = 1024;

	/**
	 * Describe a failure.
	 * @param at when the handler failed
	 * @param subject the subject of the message
	 * @param delivery the number of the delivery
	 * @param failure what the handler threw
	 * @return the failure
	 */
	public static HandlerFailure of(Instant at, String subject, long delivery, Throwable failure) {
		String message = failure.getMessage();
		if (message != null) {
			message = ServerUrls.redactText(message);
			if (message.length() > MAX_MESSAGE_LENGTH) {
				message = message.substring(0, MAX_MESSAGE_LENGTH);
			}
		}
		return new HandlerFailure(at, subject, delivery, failure.getClass().getName(), message);
	}

}

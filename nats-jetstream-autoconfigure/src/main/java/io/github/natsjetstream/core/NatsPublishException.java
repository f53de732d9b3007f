package io.github.natsjetstream.core;

import io.github.natsjetstream.support.NatsJetStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a message could not be published to JetStream, or the stream did not
 * acknowledge it. The message names the subject and what went wrong; {@link #getReason()}
 * says which of the known failures it is.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsPublishException extends NatsJetStreamException {

	private final String subject;

	private final Reason reason;

	private final @Nullable String stream;

	/**
	 * Create a new instance.
	 * @param subject the subject the message was published to
	 * @param reason why the publish failed
	 * @param stream the stream that captures the subject, when known
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public NatsPublishException(String subject, Reason reason, @Nullable String stream, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.subject = subject;
		this.reason = reason;
		this.stream = stream;
	}

	/**
	 * Return the subject the message was published to.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * Return why the publish failed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the stream that captures the subject, when known.
	 * @return the stream name, or {@code null}
	 */
	public @Nullable String getStream() {
		return this.stream;
	}

	/**
	 * Why a publish failed.
	 */
	public enum Reason {

		/**
		 * No stream captures the subject (the server answered "no responders").
		 */
		NO_STREAM("no-stream"),

		/**
		 * The message is larger than the server's {@code max_payload} or the stream's
		 * maximum message size.
		 */
		PAYLOAD_TOO_LARGE("payload-too-large"),

		/**
		 * An expectation of the options (expected stream, last sequence, last subject
		 * sequence or last message id) did not hold.
		 */
		WRONG_EXPECTATION("wrong-expectation"),

		/**
		 * The message asked for a per-message TTL that the stream or the server does not
		 * allow.
		 */
		MESSAGE_TTL_NOT_ALLOWED("message-ttl-not-allowed"),

		/**
		 * No acknowledgement arrived in time.
		 */
		TIMEOUT("timeout"),

		/**
		 * The template's limit of unacknowledged asynchronous publishes was still reached
		 * when the wait for a free place ended; the message was not sent.
		 */
		MAX_IN_FLIGHT("max-in-flight"),

		/**
		 * No converter could turn the payload into bytes.
		 */
		CONVERSION("conversion"),

		/**
		 * The stream refused the message for another reason.
		 */
		REJECTED("rejected"),

		/**
		 * The connection could not send the message (closed, draining, or its reconnect
		 * buffer full).
		 */
		CONNECTION("connection"),

		/**
		 * The publishing thread was interrupted while waiting.
		 */
		INTERRUPTED("interrupted");

		private final String value;

		Reason(String value) {
			this.value = value;
		}

		/**
		 * Return the reason as the {@code outcome} of the {@code nats.publish}
		 * observation.
		 * @return the outcome value
		 */
		public String outcome() {
			return this.value;
		}

	}

}

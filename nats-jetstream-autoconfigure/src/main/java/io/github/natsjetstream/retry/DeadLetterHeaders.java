package io.github.natsjetstream.retry;

/**
 * Names of the headers a dead letter carries in addition to the original's own headers.
 * The original's NATS headers (those whose name starts with {@code Nats-}) are kept
 * under {@link #ORIGINAL_HEADER_PREFIX}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class DeadLetterHeaders {

	/**
	 * Prefix of every header this library adds to a dead letter; a replay removes them.
	 */
	public static final String PREFIX = "Dlq-";

	/**
	 * Stream of the original message.
	 */
	public static final String ORIGINAL_STREAM = "Dlq-Original-Stream";

	/**
	 * Subject of the original message.
	 */
	public static final String ORIGINAL_SUBJECT = "Dlq-Original-Subject";

	/**
	 * Stream sequence of the original message.
	 */
	public static final String ORIGINAL_SEQUENCE = "Dlq-Original-Sequence";

	/**
	 * Durable name of the consumer that gave up.
	 */
	public static final String CONSUMER = "Dlq-Consumer";

	/**
	 * Number of deliveries of the original message.
	 */
	public static final String DELIVERIES = "Dlq-Deliveries";

	/**
	 * Why the message was given up on (see {@link DeadLetterReason}).
	 */
	public static final String REASON = "Dlq-Reason";

	/**
	 * Class name of the last exception.
	 */
	public static final String EXCEPTION = "Dlq-Exception";

	/**
	 * Message of the last exception, at most 1 KiB.
	 */
	public static final String EXCEPTION_MESSAGE = "Dlq-Exception-Message";

	/**
	 * When the message was given up on (ISO-8601).
	 */
	public static final String FAILED_AT = "Dlq-Failed-At";

	/**
	 * Present on a dead letter published without the original's payload and headers,
	 * because the server refused the whole for a reason a retry cannot change; the value
	 * says why. {@link #ORIGINAL_STREAM} and {@link #ORIGINAL_SEQUENCE} locate the
	 * original.
	 */
	public static final String PAYLOAD_OMITTED = "Dlq-Payload-Omitted";

	/**
	 * Prefix of the original's NATS headers (those whose name starts with
	 * {@code Nats-}) in a dead letter: {@code Nats-Msg-Id} is kept as
	 * {@code Dlq-Original-Nats-Msg-Id}, so that the server does not act on it again.
	 */
	public static final String ORIGINAL_HEADER_PREFIX = "Dlq-Original-";

	private DeadLetterHeaders() {
	}

}

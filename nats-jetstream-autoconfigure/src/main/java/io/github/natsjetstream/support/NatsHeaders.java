package io.github.natsjetstream.support;

/**
 * Names of the message headers that carry NATS and JetStream metadata into handler
 * methods, for use with {@code @Header}:
 * <pre class="code">
 * &#64;NatsHandler("orders.*")
 * void on(Order order, &#64;Header(NatsHeaders.SUBJECT) String subject,
 *         &#64;Header(NatsHeaders.DELIVERY_COUNT) long deliveries) { ... }
 * </pre>
 * NATS message headers are available under their own names.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class NatsHeaders {

	private static final String PREFIX = "nats_";

	/**
	 * Subject the message was published on ({@code String}).
	 */
	public static final String SUBJECT = PREFIX + "subject";

	/**
	 * Stream that stores the message ({@code String}).
	 */
	public static final String STREAM = PREFIX + "stream";

	/**
	 * Sequence of the message in its stream ({@code long}).
	 */
	public static final String STREAM_SEQUENCE = PREFIX + "streamSequence";

	/**
	 * Sequence of the delivery in the consumer ({@code long}).
	 */
	public static final String CONSUMER_SEQUENCE = PREFIX + "consumerSequence";

	/**
	 * Number of times the message has been delivered, this delivery included
	 * ({@code long}).
	 */
	public static final String DELIVERY_COUNT = PREFIX + "deliveryCount";

	/**
	 * Name of the consumer delivering the message ({@code String}).
	 */
	public static final String CONSUMER = PREFIX + "consumer";

	/**
	 * Time the message was stored ({@code java.time.ZonedDateTime}).
	 */
	public static final String TIMESTAMP = PREFIX + "timestamp";

	/**
	 * Messages still pending for the consumer after this one ({@code long}).
	 */
	public static final String PENDING = PREFIX + "pending";

	/**
	 * The jnats {@code io.nats.client.Message} itself.
	 */
	public static final String RAW_MESSAGE = PREFIX + "rawMessage";

	private NatsHeaders() {
	}

}

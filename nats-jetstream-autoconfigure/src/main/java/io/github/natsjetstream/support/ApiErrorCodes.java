package io.github.natsjetstream.support;

/**
 * JetStream API error codes ({@code err_code}) that the library reacts to.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ApiErrorCodes {

	/**
	 * The account's resource limits are exceeded.
	 */
	public static final int ACCOUNT_RESOURCES_EXCEEDED = 10002;

	/**
	 * JetStream is not enabled for the account.
	 */
	public static final int JETSTREAM_NOT_ENABLED_FOR_ACCOUNT = 10039;

	/**
	 * JetStream is not enabled.
	 */
	public static final int JETSTREAM_NOT_ENABLED = 10076;

	/**
	 * A stream with that name exists, with another configuration.
	 */
	public static final int STREAM_NAME_IN_USE = 10058;

	/**
	 * No stream with that name.
	 */
	public static final int STREAM_NOT_FOUND = 10059;

	/**
	 * The subjects overlap with those of another stream.
	 */
	public static final int STREAM_SUBJECT_OVERLAP = 10065;

	private ApiErrorCodes() {
	}

	/**
	 * The consumer does not exist.
	 */
	public static final int CONSUMER_NOT_FOUND = 10014;

	/**
	 * No message has the requested sequence.
	 */
	public static final int NO_MESSAGE_FOUND = 10037;

	/**
	 * The message is larger than the stream's maximum message size.
	 */
	public static final int STREAM_MESSAGE_EXCEEDS_MAXIMUM = 10054;

	/**
	 * The subject is not captured by the expected stream ({@code Nats-Expected-Stream}).
	 */
	public static final int STREAM_NOT_MATCH = 10060;

	/**
	 * The stream's last message id is not the expected one
	 * ({@code Nats-Expected-Last-Msg-Id}); the description names the actual one.
	 */
	public static final int STREAM_WRONG_LAST_MESSAGE_ID = 10070;

	/**
	 * The stream's or the subject's last sequence is not the expected one
	 * ({@code Nats-Expected-Last-Sequence}, {@code Nats-Expected-Last-Subject-Sequence});
	 * the description names the actual one.
	 */
	public static final int STREAM_WRONG_LAST_SEQUENCE = 10071;

	/**
	 * As {@link #STREAM_WRONG_LAST_SEQUENCE}, without the actual sequence (nats-server
	 * 2.11 and later).
	 */
	public static final int STREAM_WRONG_LAST_SEQUENCE_CONSTANT = 10164;

	/**
	 * The per-message TTL ({@code Nats-TTL}) is not valid (nats-server 2.11 and later).
	 */
	public static final int MESSAGE_TTL_INVALID = 10165;

	/**
	 * The stream does not allow per-message TTLs (nats-server 2.11 and later).
	 */
	public static final int MESSAGE_TTL_DISABLED = 10166;

}

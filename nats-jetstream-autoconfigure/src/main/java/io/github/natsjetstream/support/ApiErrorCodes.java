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

}

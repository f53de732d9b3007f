package io.github.natsjetstream.provisioning;

/**
 * JetStream API error codes ({@code err_code}) that provisioning reacts to.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ApiErrorCodes {

	/**
	 * JetStream is not enabled for the account.
	 */
	static final int JETSTREAM_NOT_ENABLED_FOR_ACCOUNT = 10039;

	/**
	 * JetStream is not enabled.
	 */
	static final int JETSTREAM_NOT_ENABLED = 10076;

	/**
	 * A stream with that name exists, with another configuration.
	 */
	static final int STREAM_NAME_IN_USE = 10058;

	/**
	 * No stream with that name.
	 */
	static final int STREAM_NOT_FOUND = 10059;

	/**
	 * The subjects overlap with those of another stream.
	 */
	static final int STREAM_SUBJECT_OVERLAP = 10065;

	private ApiErrorCodes() {
	}

}

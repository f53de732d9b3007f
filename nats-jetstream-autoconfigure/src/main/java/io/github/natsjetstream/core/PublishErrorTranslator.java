package io.github.natsjetstream.core;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.github.natsjetstream.support.ApiErrorCodes;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Translates what jnats throws, or completes a publish future with, into a
 * {@link NatsPublishException} that says which failure it was.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class PublishErrorTranslator {

	/**
	 * Start of the message of the {@link IOException} jnats throws when the server
	 * answers a publish with status 503: no stream captures the subject.
	 */
	private static final String NO_RESPONDERS = "Error Publishing: 503";

	/**
	 * Start of the message of the {@link IOException} jnats throws when a synchronous
	 * publish timed out.
	 */
	private static final String NO_RESPONSE = "Timeout or no response";

	/**
	 * Start of the message of the {@link IllegalArgumentException} jnats throws for a
	 * message larger than the server's {@code max_payload}.
	 */
	private static final String PAYLOAD_SIZE = "Message payload size exceed";

	private final Connection connection;

	private final StreamLookup streams;

	PublishErrorTranslator(Connection connection, StreamLookup streams) {
		this.connection = connection;
		this.streams = streams;
	}

	/**
	 * Translate a failure. Failures of the server's answer may look the stream up, a
	 * blocking request: never call this on a thread of the connection.
	 * @param failure what was thrown
	 * @param request what was published
	 * @return the exception to report
	 */
	NatsPublishException translate(Throwable failure, PublishRequest request) {
		Throwable ex = unwrap(failure);
		String subject = request.subject();
		if (ex instanceof NatsPublishException publishException) {
			return publishException;
		}
		if (ex instanceof JetStreamApiException apiException) {
			return apiError(apiException, request);
		}
		if (ex instanceof TimeoutException || ex instanceof CancellationException) {
			return PublishFailures.timeout(subject, request.timeout(), ex);
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		if (ex instanceof IOException) {
			if (message.startsWith(NO_RESPONDERS)) {
				return PublishFailures.noStream(subject, ex);
			}
			if (ex.getCause() instanceof InterruptedException) {
				return PublishFailures.interrupted(subject, ex);
			}
			if (message.startsWith(NO_RESPONSE)) {
				return PublishFailures.timeout(subject, request.timeout(), ex);
			}
		}
		if (ex instanceof IllegalArgumentException && message.startsWith(PAYLOAD_SIZE)) {
			return PublishFailures.payloadTooLarge(subject, request.size(), this.connection.getMaxPayload(), ex);
		}
		return PublishFailures.connection(subject, ex);
	}

	private NatsPublishException apiError(JetStreamApiException ex, PublishRequest request) {
		String subject = request.subject();
		NatsPublishOptions options = request.options();
		return switch (ex.getApiErrorCode()) {
			case ApiErrorCodes.STREAM_WRONG_LAST_SEQUENCE, ApiErrorCodes.STREAM_WRONG_LAST_SEQUENCE_CONSTANT ->
				wrongSequence(ex, request);
			case ApiErrorCodes.STREAM_WRONG_LAST_MESSAGE_ID -> PublishFailures.wrongExpectation(subject,
					"last message id", "'" + options.getExpectedLastMessageId() + "'", quoted(actual(ex)), ex);
			case ApiErrorCodes.STREAM_NOT_MATCH ->
				PublishFailures.wrongStream(subject, options.getExpectedStream(), this.streams.streamFor(subject), ex);
			case ApiErrorCodes.MESSAGE_TTL_DISABLED ->
				PublishFailures.messageTtlDisabled(subject, this.streams.streamFor(subject), ex);
			case ApiErrorCodes.STREAM_MESSAGE_EXCEEDS_MAXIMUM -> streamMessageTooLarge(ex, request);
			default -> PublishFailures.rejected(subject, this.streams.streamFor(subject), ex);
		};
	}

	/**
	 * The server checks the expected last subject sequence before the expected last
	 * sequence and reports the actual value of the one that failed. When both were set,
	 * an actual value equal to the expected subject sequence means that the subject check
	 * passed; any other leaves it open which one failed.
	 */
	private NatsPublishException wrongSequence(JetStreamApiException ex, PublishRequest request) {
		NatsPublishOptions options = request.options();
		Long subjectSequence = options.getExpectedLastSubjectSequence();
		Long lastSequence = options.getExpectedLastSequence();
		String actual = actual(ex);
		if (subjectSequence != null && lastSequence != null) {
			if (subjectSequence.toString().equals(actual)) {
				return PublishFailures.wrongExpectation(request.subject(), "last sequence", lastSequence, actual, ex);
			}
			return PublishFailures.wrongExpectation(request.subject(), "last subject sequence " + subjectSequence
					+ " and last sequence", lastSequence, (actual != null) ? "one of them is " + actual : null, ex);
		}
		if (subjectSequence != null) {
			return PublishFailures.wrongExpectation(request.subject(), "last subject sequence", subjectSequence, actual,
					ex);
		}
		return PublishFailures.wrongExpectation(request.subject(), "last sequence",
				(lastSequence != null) ? lastSequence : "(not set)", actual, ex);
	}

	private NatsPublishException streamMessageTooLarge(JetStreamApiException ex, PublishRequest request) {
		String stream = this.streams.streamFor(request.subject());
		StreamConfiguration configuration = (stream != null) ? this.streams.configuration(stream) : null;
		Long maximum = (configuration != null) ? Long.valueOf(configuration.getMaximumMessageSize()) : null;
		return PublishFailures.streamMessageTooLarge(request.subject(), request.size(), stream, maximum, ex);
	}

	/**
	 * Return the actual value that the server's description names after a colon, as in
	 * {@code wrong last sequence: 5}.
	 */
	private static @Nullable String actual(JetStreamApiException ex) {
		String description = ex.getErrorDescription();
		int colon = (description != null) ? description.lastIndexOf(':') : -1;
		if (colon < 0) {
			return null;
		}
		String actual = description.substring(colon + 1).trim();
		return actual.isEmpty() ? null : actual;
	}

	private static @Nullable String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : null;
	}

	/**
	 * Unwrap what futures and jnats' asynchronous publish wrap around the failure.
	 */
	private static Throwable unwrap(Throwable failure) {
		Throwable ex = failure;
		while ((ex instanceof CompletionException || ex instanceof ExecutionException
				|| ex.getClass() == RuntimeException.class) && ex.getCause() != null) {
			ex = ex.getCause();
		}
		return ex;
	}

}

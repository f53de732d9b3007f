package io.github.natsjetstream.core;

import java.time.Duration;
import java.util.Locale;

import io.github.natsjetstream.core.NatsPublishException.Reason;
import io.nats.client.JetStreamApiException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link NatsPublishException}s of the template, each with a message that names the
 * subject and what went wrong.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class PublishFailures {

	private PublishFailures() {
	}

	static NatsPublishException noStream(String subject, @Nullable Throwable cause) {
		return new NatsPublishException(subject, Reason.NO_STREAM, null, "No stream captures subject '" + subject
				+ "' (the server has no responders for it): declare a stream whose subjects include it", cause);
	}

	static NatsPublishException payloadTooLarge(String subject, long size, long maxPayload,
			@Nullable Throwable cause) {
		return new NatsPublishException(subject, Reason.PAYLOAD_TOO_LARGE, null,
				"Message for subject '" + subject + "' is " + bytes(size)
						+ " (payload and headers), larger than the server's max_payload of " + bytes(maxPayload),
				cause);
	}

	static NatsPublishException streamMessageTooLarge(String subject, long size, @Nullable String stream,
			@Nullable Long maxMessageSize, JetStreamApiException cause) {
		String limit = (maxMessageSize != null && maxMessageSize >= 0) ? " of " + bytes(maxMessageSize) : "";
		return new NatsPublishException(subject, Reason.PAYLOAD_TOO_LARGE, stream,
				"Message for subject '" + subject + "' is " + bytes(size) + ", larger than the maximum message size"
						+ limit + " (max-msg-size) of stream " + name(stream),
				cause);
	}

	static NatsPublishException wrongExpectation(String subject, String expectation, Object expected,
			@Nullable String actual, JetStreamApiException cause) {
		String actualText = (actual == null) ? ", but it is not"
				: actual.startsWith("one of them") ? ", but " + actual : ", but it is " + actual;
		return new NatsPublishException(subject, Reason.WRONG_EXPECTATION, null, "Message for subject '" + subject
				+ "' not stored: expected " + expectation + " " + expected + actualText + " (" + cause.getErrorDescription()
				+ ", error " + cause.getApiErrorCode() + ")", cause);
	}

	static NatsPublishException wrongStream(String subject, @Nullable String expected, @Nullable String actual,
			JetStreamApiException cause) {
		String actualText = (actual != null) ? "by stream '" + actual + "'" : "by another stream";
		return new NatsPublishException(subject, Reason.WRONG_EXPECTATION, actual, "Message for subject '" + subject
				+ "' not stored: expected stream '" + expected + "', but the subject is captured " + actualText, cause);
	}

	static NatsPublishException messageTtlUnsupported(String subject, @Nullable String stream, String serverVersion) {
		return new NatsPublishException(subject, Reason.MESSAGE_TTL_NOT_ALLOWED, stream, "Message for subject '"
				+ subject + "' has a per-message TTL, which needs nats-server 2.11 or later and a stream with"
				+ " allow-msg-ttl enabled; the server is " + serverVersion + " and the subject's stream is "
				+ name(stream) + ". Publish without a TTL, or upgrade the server and enable allow-msg-ttl on the stream",
				null);
	}

	static NatsPublishException messageTtlDisabled(String subject, @Nullable String stream,
			JetStreamApiException cause) {
		return new NatsPublishException(subject, Reason.MESSAGE_TTL_NOT_ALLOWED, stream,
				"Stream " + name(stream) + " does not allow per-message TTLs (its allow-msg-ttl is false): enable"
						+ " allow-msg-ttl on the stream to publish to subject '" + subject + "' with a TTL",
				cause);
	}

	static NatsPublishException timeout(String subject, Duration timeout, @Nullable Throwable cause) {
		return new NatsPublishException(subject, Reason.TIMEOUT, null,
				"No acknowledgement for the message to subject '" + subject + "' within " + duration(timeout)
						+ "; the stream may or may not have stored it",
				cause);
	}

	static NatsPublishException maxInFlight(String subject, int maxInFlight, Duration waited) {
		return new NatsPublishException(subject, Reason.MAX_IN_FLIGHT, null, "Message for subject '" + subject
				+ "' not sent: the template's " + maxInFlight + " asynchronous publishes allowed in flight (max-in-flight)"
				+ " were still awaiting acknowledgement after " + duration(waited) + " (max-in-flight-timeout)", null);
	}

	static NatsPublishException conversion(String subject, Object payload, @Nullable Throwable cause) {
		String why = (cause != null) ? ": " + cause.getMessage() : ": no converter turns it into bytes";
		return new NatsPublishException(subject, Reason.CONVERSION, null, "Cannot convert the payload of type '"
				+ payload.getClass().getName() + "' for subject '" + subject + "'" + why, cause);
	}

	static NatsPublishException rejected(String subject, @Nullable String stream, JetStreamApiException cause) {
		return new NatsPublishException(subject, Reason.REJECTED, stream,
				"Stream " + name(stream) + " rejected the message for subject '" + subject + "': "
						+ cause.getErrorDescription() + " (error " + cause.getApiErrorCode() + ")",
				cause);
	}

	static NatsPublishException connection(String subject, Throwable cause) {
		return new NatsPublishException(subject, Reason.CONNECTION, null,
				"Cannot publish to subject '" + subject + "': " + cause.getMessage(), cause);
	}

	static NatsPublishException interrupted(String subject, Throwable cause) {
		return new NatsPublishException(subject, Reason.INTERRUPTED, null,
				"Interrupted while publishing to subject '" + subject + "'", cause);
	}

	private static String name(@Nullable String stream) {
		return (stream != null) ? "'" + stream + "'" : "(not found)";
	}

	private static String bytes(long size) {
		return String.format(Locale.ROOT, "%,d bytes", size);
	}

	/**
	 * Format a duration as it is written in properties: {@code 2s}, {@code 500ms}.
	 */
	static String duration(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}

package io.github.natsjetstream.retry;

import io.github.natsjetstream.support.ApiErrorCodes;
import io.nats.client.JetStreamApiException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a refusal of a dead letter that no retry can change from a failure that a retry
 * can fix. Permanent: the client's own checks (a message larger than the server's
 * {@code max_payload}), and the server's refusals of the message itself (status 400: too
 * large for the stream's {@code max_msg_size}, headers over 64 KiB, a header the stream
 * does not allow). Retried: timeouts, no responders (no stream captures the subject),
 * lost connections, and the stream's or account's state (full, out of resources, no
 * leader), which can change.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class DeadLetterRefusal {

	private static final int BAD_REQUEST = 400;

	private DeadLetterRefusal() {
	}

	/**
	 * Return why the dead letter can never be accepted as it is, if so.
	 * @param failure what publishing it threw
	 * @return the reason, or {@code null} when a retry may succeed
	 */
	static @Nullable String permanentReason(Exception failure) {
		if (failure instanceof IllegalArgumentException) {
			return "refused by the client: " + failure.getMessage();
		}
		if (failure instanceof JetStreamApiException refusal && refusal.getErrorCode() == BAD_REQUEST
				&& refusal.getApiErrorCode() != ApiErrorCodes.ACCOUNT_RESOURCES_EXCEEDED) {
			return "refused by the server: " + refusal.getErrorDescription() + " [" + refusal.getApiErrorCode() + "]";
		}
		return null;
	}

}

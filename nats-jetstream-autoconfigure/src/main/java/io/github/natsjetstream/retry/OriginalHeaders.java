package io.github.natsjetstream.retry;

import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Which headers of an original message a dead letter and a replay carry. The
 * {@code Nats-} header namespace belongs to NATS: the server acts on many of those
 * headers when a message is published ({@code Nats-Msg-Id}, {@code Nats-Expected-*},
 * {@code Nats-Rollup}, {@code Nats-TTL}, {@code Nats-Schedule*}, {@code Nats-Incr},
 * {@code Nats-Batch-*}, {@code Nats-Stream-Source}, ...), and new server versions add
 * more. So a dead letter keeps every one of them, whichever it is, under
 * {@link DeadLetterHeaders#ORIGINAL_HEADER_PREFIX}, and a replay carries none of them.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class OriginalHeaders {

	private static final String NATS_HEADER_PREFIX = "Nats-";

	private OriginalHeaders() {
	}

	/**
	 * Return the headers of a dead letter of the given original: the user's headers as
	 * they are, the NATS headers renamed.
	 * @param original the headers of the original message, if any
	 * @return new headers
	 */
	static Headers forDeadLetter(@Nullable Headers original) {
		Headers headers = new Headers();
		if (original != null) {
			original.forEach((name, values) -> headers
				.put(isNatsHeader(name) ? DeadLetterHeaders.ORIGINAL_HEADER_PREFIX + name : name, values));
		}
		return headers;
	}

	/**
	 * Return the headers of the message that replays the given dead letter: the user's
	 * headers only, neither the dead letter's own nor any NATS header (not even a renamed
	 * one).
	 * @param deadLetter the headers of the dead letter, if any
	 * @return new headers, or {@code null} when none remain
	 */
	static @Nullable Headers forReplay(@Nullable Headers deadLetter) {
		Headers headers = new Headers();
		if (deadLetter != null) {
			deadLetter.forEach((name, values) -> {
				if (!isNatsHeader(name) && !isDeadLetterHeader(name)) {
					headers.put(name, values);
				}
			});
		}
		return headers.isEmpty() ? null : headers;
	}

	private static boolean isNatsHeader(String name) {
		return name.regionMatches(true, 0, NATS_HEADER_PREFIX, 0, NATS_HEADER_PREFIX.length());
	}

	private static boolean isDeadLetterHeader(String name) {
		return name.regionMatches(true, 0, DeadLetterHeaders.PREFIX, 0, DeadLetterHeaders.PREFIX.length());
	}

}

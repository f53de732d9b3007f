package io.github.natsjetstream.retry;

import java.nio.charset.StandardCharsets;

import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import io.nats.client.impl.NatsMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Publishes dead letters to the dead-letter stream: the original payload and headers,
 * plus {@link DeadLetterHeaders provenance headers}, with a {@code Nats-Msg-Id} derived
 * from the original stream and sequence so that a retry after a crash never makes a
 * second dead letter. The original's NATS headers ({@code Nats-*}) are kept under
 * {@link DeadLetterHeaders#ORIGINAL_HEADER_PREFIX}: published as they are, the server
 * would act on them again (expectations, rollups, TTLs, schedules, ...) and could refuse
 * the dead letter. Returns only when the stream has acknowledged the dead letter.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class PublishingDeadLetterRecoverer implements DeadLetterRecoverer {

	private static final int MAX_EXCEPTION_MESSAGE_BYTES = 1024;

	private final JetStream jetStream;

	/**
	 * Create a new instance.
	 * @param jetStream the JetStream context to publish with
	 */
	public PublishingDeadLetterRecoverer(JetStream jetStream) {
		Assert.notNull(jetStream, "'jetStream' must not be null");
		this.jetStream = jetStream;
	}

	@Override
	public void recover(DeadLetter deadLetter) throws Exception {
		Message original = deadLetter.message();
		NatsJetStreamMetaData metaData = original.metaData();
		Headers headers = OriginalHeaders.forDeadLetter(original.getHeaders());
		headers.put(DeadLetterHeaders.ORIGINAL_STREAM, metaData.getStream());
		headers.put(DeadLetterHeaders.ORIGINAL_SUBJECT, original.getSubject());
		headers.put(DeadLetterHeaders.ORIGINAL_SEQUENCE, Long.toString(metaData.streamSequence()));
		headers.put(DeadLetterHeaders.CONSUMER, deadLetter.consumer());
		headers.put(DeadLetterHeaders.DELIVERIES, Long.toString(metaData.deliveredCount()));
		headers.put(DeadLetterHeaders.REASON, deadLetter.reason().getValue());
		headers.put(DeadLetterHeaders.FAILED_AT, deadLetter.failedAt().toString());
		Throwable failure = deadLetter.failure();
		if (failure != null) {
			headers.put(DeadLetterHeaders.EXCEPTION, failure.getClass().getName());
			String message = headerSafe(failure.getMessage());
			if (message != null) {
				headers.put(DeadLetterHeaders.EXCEPTION_MESSAGE, message);
			}
		}
		NatsMessage letter = NatsMessage.builder()
			.subject(deadLetter.deadLetterSubject())
			.headers(headers)
			.data(original.getData())
			.build();
		PublishOptions options = PublishOptions.builder()
			.messageId("dlq:" + metaData.getStream() + ":" + metaData.streamSequence())
			.build();
		this.jetStream.publish(letter, options);
	}

	/**
	 * Make an exception message fit for a header: no control characters, at most 1 KiB
	 * of UTF-8.
	 */
	static @Nullable String headerSafe(@Nullable String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		StringBuilder text = new StringBuilder(Math.min(message.length(), MAX_EXCEPTION_MESSAGE_BYTES));
		int bytes = 0;
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			char safe = (c < 0x20 || c == 0x7f) ? ' ' : c;
			int size = String.valueOf(safe).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > MAX_EXCEPTION_MESSAGE_BYTES) {
				break;
			}
			text.append(safe);
			bytes += size;
		}
		return text.toString().trim();
	}

}

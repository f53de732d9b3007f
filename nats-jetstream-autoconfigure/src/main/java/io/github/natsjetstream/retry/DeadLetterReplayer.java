package io.github.natsjetstream.retry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.natsjetstream.support.ApiErrorCodes;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Sends dead letters back: republishes each to its original subject with its original
 * headers, and removes it from the dead-letter stream only after the republish is
 * acknowledged. A republish carries a {@code Nats-Msg-Id} derived from the dead letter,
 * so replaying again after an interruption does not publish it twice within the
 * stream's duplicate window.
 * <p>
 * The republished message is a new message in the original stream: every consumer of its
 * subject receives it, not only the one that gave up on it.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class DeadLetterReplayer {

	private static final Log logger = LogFactory.getLog(DeadLetterReplayer.class);


	private static final String DEAD_LETTER_HEADER_PREFIX = "Dlq-";

	private final JetStreamManagement management;

	private final JetStream jetStream;

	private final String deadLetterStream;

	/**
	 * Create a new instance.
	 * @param management the JetStream management context
	 * @param jetStream the JetStream context
	 * @param deadLetterStream the dead-letter stream
	 */
	public DeadLetterReplayer(JetStreamManagement management, JetStream jetStream, String deadLetterStream) {
		Assert.notNull(management, "'management' must not be null");
		Assert.notNull(jetStream, "'jetStream' must not be null");
		Assert.hasText(deadLetterStream, "'deadLetterStream' must not be empty");
		this.management = management;
		this.jetStream = jetStream;
		this.deadLetterStream = deadLetterStream;
	}

	/**
	 * Replay the requested dead letters.
	 * @param request which dead letters
	 * @return what was done
	 */
	public ReplayResult replay(ReplayRequest request) {
		Assert.notNull(request, "'request' must not be null");
		StreamState state = state();
		long first = Math.max(state.getFirstSequence(), (request.fromSequence() != null) ? request.fromSequence() : 0);
		long last = Math.min(state.getLastSequence(),
				(request.toSequence() != null) ? request.toSequence() : Long.MAX_VALUE);
		int replayed = 0;
		int skipped = 0;
		List<Long> failed = new ArrayList<>();
		for (long sequence = first; sequence <= last && state.getMsgCount() > 0; sequence++) {
			MessageInfo deadLetter = read(sequence);
			if (deadLetter == null) {
				continue;
			}
			Headers headers = deadLetter.getHeaders();
			String consumer = (headers != null) ? headers.getFirst(DeadLetterHeaders.CONSUMER) : null;
			String subject = (headers != null) ? headers.getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT) : null;
			if (subject == null || (request.consumer() != null && !request.consumer().equals(consumer))) {
				skipped++;
				continue;
			}
			try {
				republish(deadLetter, subject, sequence);
				this.management.deleteMessage(this.deadLetterStream, sequence);
				replayed++;
			}
			catch (IOException | JetStreamApiException ex) {
				logger.warn("Could not replay dead letter " + sequence + " of stream '" + this.deadLetterStream
						+ "' to " + subject + "; it stays in the dead-letter stream: " + ex.getMessage());
				failed.add(sequence);
			}
		}
		logger.info("Replayed " + replayed + " dead letter(s) from stream '" + this.deadLetterStream + "'"
				+ (failed.isEmpty() ? "" : "; " + failed.size() + " could not be replayed"));
		return new ReplayResult(replayed, skipped, List.copyOf(failed));
	}

	private void republish(MessageInfo deadLetter, String subject, long sequence)
			throws IOException, JetStreamApiException {
		Headers original = new Headers();
		if (deadLetter.getHeaders() != null) {
			deadLetter.getHeaders().forEach((name, values) -> {
				if (!name.startsWith(DEAD_LETTER_HEADER_PREFIX) && !name.equals("Nats-Msg-Id")) {
					original.put(name, values);
				}
			});
		}
		NatsMessage message = NatsMessage.builder()
			.subject(subject)
			.headers(original.isEmpty() ? null : original)
			.data(deadLetter.getData())
			.build();
		this.jetStream.publish(message,
				PublishOptions.builder().messageId("replay:" + this.deadLetterStream + ":" + sequence).build());
	}

	private @Nullable MessageInfo read(long sequence) {
		try {
			return this.management.getMessage(this.deadLetterStream, sequence);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ApiErrorCodes.NO_MESSAGE_FOUND) {
				return null;
			}
			throw new NatsJetStreamException("Could not read dead letter " + sequence + " of stream '"
					+ this.deadLetterStream + "': " + ex.getErrorDescription(), ex);
		}
		catch (IOException ex) {
			throw new NatsJetStreamException(
					"Could not read dead letter " + sequence + " of stream '" + this.deadLetterStream + "'", ex);
		}
	}

	private StreamState state() {
		try {
			return this.management.getStreamInfo(this.deadLetterStream).getStreamState();
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException("Could not read dead-letter stream '" + this.deadLetterStream + "'", ex);
		}
	}

}

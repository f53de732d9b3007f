package io.github.natsjetstream.retry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Sends dead letters back: republishes each to its original subject with the original's
 * own headers, and removes it from the dead-letter stream only after the republish is
 * acknowledged.
 * <p>
 * A replay carries none of the original's NATS headers (kept in the dead letter under
 * {@link DeadLetterHeaders#ORIGINAL_HEADER_PREFIX}): not its {@code Nats-Msg-Id}, which
 * the original stream would take for a duplicate, nor its expectations, rollup or TTL.
 * Instead it carries a {@code Nats-Msg-Id} derived from the dead letter's stream and
 * sequence, so that replaying again after an interruption between the republish and the
 * removal does not publish it twice within the original stream's duplicate window.
 * <p>
 * A dead letter published without its payload ({@link DeadLetterHeaders#PAYLOAD_OMITTED})
 * is replayed from its original, read from the original stream; when the original is
 * gone, the dead letter stays.
 * <p>
 * The dead-letter stream is read in one pass, in batches, from the first requested
 * sequence to the last one that existed when the replay started; dead letters that
 * arrive meanwhile are left for the next replay.
 * <p>
 * The republished message is a new message in the original stream: every consumer of its
 * subject receives it, not only the one that gave up on it.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class DeadLetterReplayer {

	private static final Log logger = LogFactory.getLog(DeadLetterReplayer.class);

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
		long first = Math.max(state.getFirstSequence(),
				(request.fromSequence() != null) ? request.fromSequence() : 0);
		long last = Math.min(state.getLastSequence(),
				(request.toSequence() != null) ? request.toSequence() : Long.MAX_VALUE);
		Tally tally = new Tally();
		if (state.getMsgCount() > 0 && first <= last) {
			try (DeadLetterReader reader = DeadLetterReader.open(this.jetStream, this.management,
					this.deadLetterStream, first, last)) {
				for (Message deadLetter = reader.next(); deadLetter != null; deadLetter = reader.next()) {
					replay(deadLetter, request, tally);
				}
			}
			catch (IOException | JetStreamApiException ex) {
				throw new NatsJetStreamException("Could not read dead-letter stream '" + this.deadLetterStream
						+ "' after replaying " + tally.replayed + " dead letter(s)", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new NatsJetStreamException("Interrupted while replaying dead letters of stream '"
						+ this.deadLetterStream + "' after replaying " + tally.replayed + " dead letter(s)", ex);
			}
		}
		logger.info("Replayed " + tally.replayed + " dead letter(s) from stream '" + this.deadLetterStream + "'"
				+ (tally.failed.isEmpty() ? "" : "; " + tally.failed.size() + " could not be replayed"));
		return new ReplayResult(tally.replayed, tally.skipped, List.copyOf(tally.failed));
	}

	private void replay(Message deadLetter, ReplayRequest request, Tally tally) {
		long sequence = deadLetter.metaData().streamSequence();
		Headers headers = deadLetter.getHeaders();
		String consumer = (headers != null) ? headers.getFirst(DeadLetterHeaders.CONSUMER) : null;
		String subject = (headers != null) ? headers.getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT) : null;
		if (subject == null || (request.consumer() != null && !request.consumer().equals(consumer))) {
			tally.skipped++;
			return;
		}
		try {
			republish(deadLetter, subject, sequence);
			this.management.deleteMessage(this.deadLetterStream, sequence);
			tally.replayed++;
		}
		catch (IOException | JetStreamApiException | IllegalArgumentException | NatsJetStreamException ex) {
			logger.warn("Could not replay dead letter " + sequence + " of stream '" + this.deadLetterStream + "' to "
					+ subject + "; it stays in the dead-letter stream: " + ex.getMessage());
			tally.failed.add(sequence);
		}
	}

	private void republish(Message deadLetter, String subject, long sequence)
			throws IOException, JetStreamApiException {
		Headers headers = deadLetter.getHeaders();
		byte[] data = deadLetter.getData();
		if (headers != null && headers.containsKey(DeadLetterHeaders.PAYLOAD_OMITTED)) {
			MessageInfo original = original(headers);
			headers = original.getHeaders();
			data = original.getData();
		}
		NatsMessage message = NatsMessage.builder()
			.subject(subject)
			.headers(OriginalHeaders.forReplay(headers))
			.data(data)
			.build();
		this.jetStream.publish(message,
				PublishOptions.builder().messageId("replay:" + this.deadLetterStream + ":" + sequence).build());
	}

	/**
	 * Read the original of a dead letter published without its payload.
	 */
	private MessageInfo original(Headers deadLetter) throws IOException {
		String stream = deadLetter.getFirst(DeadLetterHeaders.ORIGINAL_STREAM);
		String sequence = deadLetter.getFirst(DeadLetterHeaders.ORIGINAL_SEQUENCE);
		if (stream == null || sequence == null) {
			throw new NatsJetStreamException("its payload was left out and it does not say where the original is");
		}
		try {
			return this.management.getMessage(stream, Long.parseLong(sequence));
		}
		catch (JetStreamApiException ex) {
			throw new NatsJetStreamException("its payload was left out and the original, message " + sequence
					+ " of stream '" + stream + "', cannot be read: " + ex.getErrorDescription(), ex);
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

	/**
	 * What a replay did so far.
	 */
	private static final class Tally {

		private int replayed;

		private int skipped;

		private final List<Long> failed = new ArrayList<>();

	}

}

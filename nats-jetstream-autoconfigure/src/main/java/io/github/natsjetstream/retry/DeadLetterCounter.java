package io.github.natsjetstream.retry;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.StreamState;
import io.nats.client.api.Subject;

import org.springframework.util.Assert;

/**
 * Counts the dead letters by subject and by reason. The counts by subject come from the
 * stream's state in one request; the counts by reason from the {@code Dlq-Reason} header
 * of the latest {@value #MAX_READ} dead letters at most, read in one pass through a
 * {@link DeadLetterReader} of their headers only.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class DeadLetterCounter {

	/**
	 * The most dead letters read to count the reasons.
	 */
	public static final int MAX_READ = 10_000;

	/**
	 * The reason counted for a dead letter without a {@code Dlq-Reason} header.
	 */
	public static final String UNKNOWN_REASON = "unknown";

	private final JetStream jetStream;

	private final JetStreamManagement management;

	private final String stream;

	/**
	 * Create a new instance.
	 * @param jetStream the JetStream context, to read the dead letters
	 * @param management the management context, to read the stream's state
	 * @param stream the dead-letter stream
	 */
	public DeadLetterCounter(JetStream jetStream, JetStreamManagement management, String stream) {
		Assert.notNull(jetStream, "'jetStream' must not be null");
		Assert.notNull(management, "'management' must not be null");
		Assert.hasText(stream, "'stream' must not be empty");
		this.jetStream = jetStream;
		this.management = management;
		this.stream = stream;
	}

	/**
	 * Return the dead-letter stream.
	 * @return the stream name
	 */
	public String getStream() {
		return this.stream;
	}

	/**
	 * Count the dead letters.
	 * @return the counts
	 * @throws NatsJetStreamException when the dead-letter stream cannot be read
	 */
	public DeadLetterCounts count() {
		try {
			StreamState state = this.management.getStreamInfo(this.stream, StreamInfoOptions.allSubjects())
				.getStreamState();
			Map<String, Long> subjects = new TreeMap<>();
			if (state.getSubjects() != null) {
				for (Subject subject : state.getSubjects()) {
					subjects.put(subject.getName(), subject.getCount());
				}
			}
			Map<String, Long> reasons = new TreeMap<>();
			long read = (state.getMsgCount() > 0) ? countReasons(state, reasons) : 0;
			return new DeadLetterCounts(this.stream, state.getMsgCount(), state.getFirstSequence(),
					state.getLastSequence(), subjects, reasons, read);
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException("Could not read dead-letter stream '" + this.stream + "'", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsJetStreamException("Interrupted while reading dead-letter stream '" + this.stream + "'", ex);
		}
	}

	private long countReasons(StreamState state, Map<String, Long> reasons)
			throws IOException, JetStreamApiException, InterruptedException {
		long start = Math.max(state.getFirstSequence(), state.getLastSequence() - MAX_READ + 1);
		long read = 0;
		try (DeadLetterReader reader = DeadLetterReader.openHeadersOnly(this.jetStream, this.management, this.stream,
				start, state.getLastSequence())) {
			for (Message message = reader.next(); message != null; message = reader.next()) {
				read++;
				String reason = (message.getHeaders() != null)
						? message.getHeaders().getFirst(DeadLetterHeaders.REASON) : null;
				reasons.merge((reason != null) ? reason : UNKNOWN_REASON, 1L, Long::sum);
			}
		}
		return read;
	}

}

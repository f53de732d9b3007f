package io.github.natsjetstream.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.StreamState;
import io.nats.client.api.Subject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Counts the dead letters by subject and by reason. The counts by subject come from the
 * stream's state in one request; the counts by reason from the {@code Dlq-Reason} header
 * of the latest {@value #MAX_READ} dead letters at most, read in one pass through an
 * ordered consumer that delivers headers only.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class DeadLetterCounter {

	private static final Log logger = LogFactory.getLog(DeadLetterCounter.class);

	/**
	 * The most dead letters read to count the reasons.
	 */
	public static final int MAX_READ = 10_000;

	/**
	 * The reason counted for a dead letter without a {@code Dlq-Reason} header.
	 */
	public static final String UNKNOWN_REASON = "unknown";

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

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
		catch (IOException | JetStreamApiException | JetStreamStatusCheckedException ex) {
			throw new NatsJetStreamException("Could not read dead-letter stream '" + this.stream + "'", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsJetStreamException("Interrupted while reading dead-letter stream '" + this.stream + "'", ex);
		}
	}

	private long countReasons(StreamState state, Map<String, Long> reasons)
			throws IOException, JetStreamApiException, JetStreamStatusCheckedException, InterruptedException {
		long start = Math.max(state.getFirstSequence(), state.getLastSequence() - MAX_READ + 1);
		OrderedConsumerContext consumer = this.jetStream.getStreamContext(this.stream)
			.createOrderedConsumer(new OrderedConsumerConfiguration().deliverPolicy(DeliverPolicy.ByStartSequence)
				.startSequence(start)
				.headersOnly(true));
		int expected = (int) Math.min(MAX_READ, state.getMsgCount());
		long read = 0;
		FetchConsumer fetch = null;
		try {
			fetch = consumer.fetch(
					FetchConsumeOptions.builder().maxMessages(expected).expiresIn(READ_TIMEOUT.toMillis()).build());
			Message message = fetch.nextMessage();
			while (message != null) {
				read++;
				String reason = (message.getHeaders() != null)
						? message.getHeaders().getFirst(DeadLetterHeaders.REASON) : null;
				reasons.merge((reason != null) ? reason : UNKNOWN_REASON, 1L, Long::sum);
				if (message.metaData().pendingCount() == 0) {
					break;
				}
				message = fetch.nextMessage();
			}
		}
		finally {
			closeQuietly(fetch);
			removeQuietly(consumer);
		}
		return read;
	}

	private void closeQuietly(@Nullable FetchConsumer fetch) {
		if (fetch == null) {
			return;
		}
		try {
			fetch.close();
		}
		catch (Exception ex) {
			logger.debug("Could not close the reader of stream '" + this.stream + "'", ex);
		}
	}

	private void removeQuietly(OrderedConsumerContext consumer) {
		String name = consumer.getConsumerName();
		if (name == null) {
			return;
		}
		try {
			this.management.deleteConsumer(this.stream, name);
		}
		catch (IOException | JetStreamApiException ex) {
			// The server removes the inactive ordered consumer by itself.
			logger.debug("Could not remove consumer '" + name + "' of stream '" + this.stream + "'", ex);
		}
	}

}

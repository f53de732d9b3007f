package io.github.natsjetstream.retry;

import java.io.IOException;
import java.time.Duration;

import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads the messages of a range of stream sequences in one pass, in order, through an
 * ordered (ephemeral, unacknowledged) consumer that the server fills in batches: the
 * number of requests grows with the number of messages, not with the width of the range,
 * however many sequences were deleted in between. The one way the starter reads the
 * dead-letter stream: whole messages to replay them ({@link DeadLetterReplayer}), headers
 * only to count them by reason ({@link DeadLetterCounter}).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class DeadLetterReader implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DeadLetterReader.class);

	/**
	 * Messages the server sends per pull request.
	 */
	static final int BATCH_SIZE = 256;

	/**
	 * Messages the server sends per pull request when it sends their headers only: small
	 * enough to ask for all that {@link DeadLetterCounter} reads at once.
	 */
	static final int HEADERS_ONLY_BATCH_SIZE = DeadLetterCounter.MAX_READ;

	/**
	 * Share of the batch asked for again once that many messages are read: few pull
	 * requests, and a quarter of a batch still buffered when the next one is asked for.
	 */
	private static final int REPULL_PERCENT = 75;

	/**
	 * How long to wait for the next message the consumer still owes.
	 */
	private static final Duration NEXT_MESSAGE_TIMEOUT = Duration.ofSeconds(5);

	private final JetStreamManagement management;

	private final String stream;

	private final long lastSequence;

	private final OrderedConsumerContext consumerContext;

	private final IterableConsumer consumer;

	private boolean done;

	private DeadLetterReader(JetStreamManagement management, String stream, long lastSequence,
			OrderedConsumerContext consumerContext, IterableConsumer consumer) {
		this.management = management;
		this.stream = stream;
		this.lastSequence = lastSequence;
		this.consumerContext = consumerContext;
		this.consumer = consumer;
	}

	/**
	 * Start reading a stream, whole messages.
	 * @param jetStream the JetStream context
	 * @param management the management context, to remove the consumer when done
	 * @param stream the stream
	 * @param firstSequence the first sequence to read
	 * @param lastSequence the last sequence to read
	 * @return the reader
	 * @throws IOException when the server cannot be reached
	 * @throws JetStreamApiException when the server refuses the consumer
	 */
	static DeadLetterReader open(JetStream jetStream, JetStreamManagement management, String stream,
			long firstSequence, long lastSequence) throws IOException, JetStreamApiException {
		return open(jetStream, management, stream, firstSequence, lastSequence, false, BATCH_SIZE);
	}

	/**
	 * Start reading a stream, the headers of its messages only (the messages have no
	 * payload).
	 * @param jetStream the JetStream context
	 * @param management the management context, to remove the consumer when done
	 * @param stream the stream
	 * @param firstSequence the first sequence to read
	 * @param lastSequence the last sequence to read
	 * @return the reader
	 * @throws IOException when the server cannot be reached
	 * @throws JetStreamApiException when the server refuses the consumer
	 */
	static DeadLetterReader openHeadersOnly(JetStream jetStream, JetStreamManagement management, String stream,
			long firstSequence, long lastSequence) throws IOException, JetStreamApiException {
		int batchSize = (int) Math.min(HEADERS_ONLY_BATCH_SIZE, lastSequence - firstSequence + 1);
		return open(jetStream, management, stream, firstSequence, lastSequence, true, batchSize);
	}

	private static DeadLetterReader open(JetStream jetStream, JetStreamManagement management, String stream,
			long firstSequence, long lastSequence, boolean headersOnly, int batchSize)
			throws IOException, JetStreamApiException {
		OrderedConsumerContext consumerContext = jetStream.getStreamContext(stream)
			.createOrderedConsumer(new OrderedConsumerConfiguration().deliverPolicy(DeliverPolicy.ByStartSequence)
				.startSequence(firstSequence)
				.headersOnly(headersOnly));
		IterableConsumer consumer = consumerContext
			.iterate(ConsumeOptions.builder().batchSize(batchSize).thresholdPercent(REPULL_PERCENT).build());
		return new DeadLetterReader(management, stream, lastSequence, consumerContext, consumer);
	}

	/**
	 * Return the next message of the range.
	 * @return the message, or {@code null} when the range is read
	 * @throws IOException when the next message does not arrive
	 * @throws InterruptedException when interrupted while waiting
	 */
	@Nullable Message next() throws IOException, InterruptedException {
		if (this.done) {
			return null;
		}
		Message message;
		try {
			message = this.consumer.nextMessage(NEXT_MESSAGE_TIMEOUT);
		}
		catch (JetStreamStatusCheckedException ex) {
			throw new IOException("Could not read stream '" + this.stream + "': " + ex.getMessage(), ex);
		}
		if (message == null) {
			// Nothing within the timeout although messages were pending: they were deleted.
			this.done = true;
			return null;
		}
		long sequence = message.metaData().streamSequence();
		if (sequence > this.lastSequence) {
			this.done = true;
			return null;
		}
		this.done = sequence == this.lastSequence || message.metaData().pendingCount() == 0;
		return message;
	}

	@Override
	public void close() {
		this.consumer.stop();
		try {
			this.consumer.close();
		}
		catch (Exception ex) {
			logger.debug("Could not close the reader of stream '" + this.stream + "'", ex);
		}
		String name = this.consumerContext.getConsumerName();
		if (name != null) {
			try {
				this.management.deleteConsumer(this.stream, name);
			}
			catch (IOException | JetStreamApiException ex) {
				// The server removes the inactive ephemeral consumer by itself.
				logger.debug("Could not delete consumer '" + name + "' of stream '" + this.stream + "'", ex);
			}
		}
	}

}

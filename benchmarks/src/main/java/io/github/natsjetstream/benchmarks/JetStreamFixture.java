package io.github.natsjetstream.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.natsjetstream.benchmarks.process.Payment;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's own client of the server: creates and deletes streams, pre-publishes
 * messages and publishes at a fixed rate, on a connection of its own.
 */
final class JetStreamFixture implements AutoCloseable {

	/** How many routes the benchmark subjects spread over: {@code <prefix>.r0} to {@code .r9}. */
	static final int ROUTES = 10;

	private static final int PUBLISH_WINDOW = 4_000;

	private static final int STREAM_NOT_FOUND = 10059;

	private static final int CONSUMER_NOT_FOUND = 10014;

	private final Connection connection;

	private final JetStream jetStream;

	private final JetStreamManagement management;

	private final JsonMapper mapper;

	private final StorageType storage;

	JetStreamFixture(String url, JsonMapper mapper, StorageType storage) throws IOException, InterruptedException {
		this.connection = Nats.connect(new Options.Builder().server(url).connectionName("bench-fixture").build());
		this.jetStream = this.connection.jetStream();
		this.management = this.connection.jetStreamManagement();
		this.mapper = mapper;
		this.storage = storage;
	}

	Connection connection() {
		return this.connection;
	}

	JetStreamManagement management() {
		return this.management;
	}

	void createStream(String name, String... subjects) throws IOException, JetStreamApiException {
		deleteStream(name);
		this.management.addStream(StreamConfiguration.builder().name(name).subjects(subjects).storageType(this.storage)
			.build());
	}

	void deleteStream(String name) throws IOException, JetStreamApiException {
		try {
			this.management.deleteStream(name);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() != STREAM_NOT_FOUND) {
				throw ex;
			}
		}
	}

	/**
	 * Delete a consumer if it exists.
	 * @param stream the stream
	 * @param durable the consumer
	 */
	void deleteConsumer(String stream, String durable) throws IOException, JetStreamApiException {
		try {
			this.management.deleteConsumer(stream, durable);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() != CONSUMER_NOT_FOUND && ex.getApiErrorCode() != STREAM_NOT_FOUND) {
				throw ex;
			}
		}
	}

	/**
	 * Return how many messages the server redelivered to a consumer (after its ack wait or
	 * a {@code nak}): none in a clean run.
	 * @param stream the stream
	 * @param durable the consumer
	 * @return the number of redelivered messages, or -1 when the consumer is gone
	 */
	long redelivered(String stream, String durable) {
		try {
			return this.management.getConsumerInfo(stream, durable).getRedelivered();
		}
		catch (IOException | JetStreamApiException ex) {
			return -1;
		}
	}

	/**
	 * Publish {@code count} orders to {@code <prefix>.r0} ... {@code <prefix>.r9} in turn,
	 * waiting for the stream to acknowledge every one.
	 * @param prefix the subject prefix
	 * @param count how many
	 * @param large whether to publish {@link LargeOrder large orders} rather than
	 * {@link Order orders}
	 * @return the size of one payload, in bytes
	 */
	int prePublish(String prefix, int count, boolean large) throws Exception {
		String[] subjects = subjects(prefix);
		Deque<CompletableFuture<PublishAck>> window = new ArrayDeque<>(PUBLISH_WINDOW);
		int size = 0;
		for (int i = 0; i < count; i++) {
			byte[] payload = this.mapper.writeValueAsBytes(large ? LargeOrder.numbered(i) : Order.numbered(i, 0));
			size = payload.length;
			window.add(this.jetStream.publishAsync(subjects[i % ROUTES], payload));
			if (window.size() >= PUBLISH_WINDOW) {
				window.poll().get(30, TimeUnit.SECONDS);
			}
		}
		for (CompletableFuture<PublishAck> ack : window) {
			ack.get(30, TimeUnit.SECONDS);
		}
		return size;
	}

	/**
	 * Publish {@code count} {@link Payment payments} to one subject, waiting for the stream
	 * to acknowledge every one.
	 * @param subject the subject
	 * @param count how many
	 * @return the size of one payload, in bytes
	 */
	int prePublishPayments(String subject, int count) throws Exception {
		Deque<CompletableFuture<PublishAck>> window = new ArrayDeque<>(PUBLISH_WINDOW);
		int size = 0;
		for (int i = 0; i < count; i++) {
			byte[] payload = this.mapper.writeValueAsBytes(Payment.numbered(i));
			size = payload.length;
			window.add(this.jetStream.publishAsync(subject, payload));
			if (window.size() >= PUBLISH_WINDOW) {
				window.poll().get(30, TimeUnit.SECONDS);
			}
		}
		for (CompletableFuture<PublishAck> ack : window) {
			ack.get(30, TimeUnit.SECONDS);
		}
		return size;
	}

	/**
	 * Publish orders at a fixed rate, each carrying its publish time, with plain NATS
	 * publishes (the stream stores them; the publisher does not wait for acknowledgements).
	 * @param prefix the subject prefix
	 * @param perSecond the rate
	 * @param duration how long
	 * @return how many were published
	 */
	long publishAtRate(String prefix, int perSecond, Duration duration) throws Exception {
		String[] subjects = subjects(prefix);
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long count = duration.toNanos() / interval;
		long next = System.nanoTime();
		for (long i = 0; i < count; i++) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Order order = Order.numbered(i, 0);
			byte[] payload = this.mapper.writeValueAsBytes(order.sentAt(System.nanoTime()));
			this.connection.publish(subjects[(int) (i % ROUTES)], payload);
			next += interval;
		}
		this.connection.flush(Duration.ofSeconds(10));
		return count;
	}

	private static String[] subjects(String prefix) {
		String[] subjects = new String[ROUTES];
		for (int i = 0; i < ROUTES; i++) {
			subjects[i] = prefix + ".r" + i;
		}
		return subjects;
	}

	@Override
	public void close() throws InterruptedException {
		this.connection.close();
	}

}

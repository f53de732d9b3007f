package io.github.natsjetstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the loop an application would write by hand with jnats, a durable pull
 * consumer with {@code consume()}, decoding each message with Jackson and acknowledging it.
 */
final class RawConsumer implements AutoCloseable {

	/** As the starter's consumers, the server's default. */
	private static final int MAX_ACK_PENDING = 2_000;

	/** The durable name. */
	static final String DURABLE = "raw";

	private static final Order EMPTY = new Order("", "", "", 0, 0, "", "", "", 0, 0);

	private final List<Connection> connections = new ArrayList<>();

	private final List<MessageConsumer> consumers = new ArrayList<>();

	private final JsonMapper mapper;

	private final MessageSink sink;

	private final boolean decode;

	private final boolean large;

	private final @Nullable ExecutorService handoff;

	private final int fetchSize;

	private final List<Thread> fetchLoops = new ArrayList<>();

	private volatile boolean closed;

	/**
	 * Create a consumer on a connection of its own.
	 * @param url the server
	 * @param mapper decodes the payloads
	 * @param sink takes the decoded records
	 * @param decode whether to decode: without, each message counts as an empty order,
	 * which measures what the server and the client can do at most
	 * @param large whether the messages carry {@link LargeOrder large orders}
	 */
	RawConsumer(String url, JsonMapper mapper, MessageSink sink, boolean decode, boolean large) throws Exception {
		this(url, mapper, sink, decode, large, 1, 0, 0);
	}

	/**
	 * Create {@code loops} consumers of the same durable, each on a connection of its own.
	 * @param url the server
	 * @param mapper decodes the payloads
	 * @param sink takes the decoded records
	 * @param decode whether to decode
	 * @param large whether the messages carry {@link LargeOrder large orders}
	 * @param loops how many loops consume in parallel
	 * @param handoffThreads when positive, each loop hands every message to a pool of this
	 * many threads that decode and acknowledge it, rather than doing so itself
	 * @param fetchSize when positive, each loop fetches this many messages at a time with
	 * {@code fetchMessages()} on a thread of its own, rather than using {@code consume()}
	 */
	RawConsumer(String url, JsonMapper mapper, MessageSink sink, boolean decode, boolean large, int loops,
			int handoffThreads, int fetchSize) throws Exception {
		this.fetchSize = fetchSize;
		this.handoff = (handoffThreads > 0) ? Executors.newFixedThreadPool(handoffThreads) : null;
		for (int i = 0; i < loops; i++) {
			String name = (loops == 1) ? "bench-raw" : "bench-raw-" + (i + 1);
			this.connections.add(Nats.connect(new Options.Builder().server(url).connectionName(name).build()));
		}
		this.mapper = mapper;
		this.sink = sink;
		this.decode = decode;
		this.large = large;
	}

	/**
	 * Create the durable and start consuming.
	 * @param stream the stream
	 * @param filter the filter subject
	 */
	void start(String stream, String filter) throws Exception {
		ConsumerConfiguration configuration = ConsumerConfiguration.builder()
			.durable(DURABLE)
			.ackPolicy(AckPolicy.Explicit)
			.maxAckPending(MAX_ACK_PENDING)
			.filterSubject(filter)
			.build();
		for (Connection connection : this.connections) {
			StreamContext streamContext = connection.getStreamContext(stream);
			ConsumerContext consumerContext = streamContext.createOrUpdateConsumer(configuration);
			if (this.fetchSize > 0) {
				Thread loop = new Thread(() -> fetchLoop(consumerContext), "bench-raw-fetch");
				this.fetchLoops.add(loop);
				loop.start();
				continue;
			}
			this.consumers.add(consumerContext.consume((this.handoff != null)
					? (message) -> this.handoff.execute(() -> handle(message)) : this::handle));
		}
	}

	/**
	 * The loop an application writes around {@code fetchMessages()}: fetch a batch, handle
	 * each message of it, fetch the next.
	 */
	private void fetchLoop(ConsumerContext consumerContext) {
		FetchConsumeOptions options = FetchConsumeOptions.builder()
			.maxMessages(this.fetchSize)
			.expiresIn(1000)
			.build();
		while (!this.closed) {
			try (FetchConsumer fetch = consumerContext.fetch(options)) {
				Message message = fetch.nextMessage();
				while (message != null) {
					handle(message);
					message = fetch.nextMessage();
				}
			}
			catch (Exception ex) {
				if (!this.closed) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	private void handle(Message message) {
		if (!this.decode) {
			this.sink.accept(EMPTY);
		}
		else if (this.large) {
			this.sink.accept(this.mapper.readValue(message.getData(), LargeOrder.class).order());
		}
		else {
			this.sink.accept(this.mapper.readValue(message.getData(), Order.class));
		}
		message.ack();
	}

	@Override
	public void close() throws Exception {
		this.closed = true;
		for (Thread loop : this.fetchLoops) {
			loop.join(5000);
		}
		for (MessageConsumer consumer : this.consumers) {
			consumer.close();
		}
		if (this.handoff != null) {
			this.handoff.shutdownNow();
		}
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

}

package io.github.natsjetstream.benchmarks;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
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
	private static final int MAX_ACK_PENDING = 1_000;

	/** The durable name. */
	static final String DURABLE = "raw";

	private static final Order EMPTY = new Order("", "", "", 0, 0, "", "", "", 0, 0);

	private final Connection connection;

	private final JsonMapper mapper;

	private final MessageSink sink;

	private final boolean decode;

	private final boolean large;

	private @Nullable MessageConsumer consumer;

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
		this.connection = Nats.connect(new Options.Builder().server(url).connectionName("bench-raw").build());
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
		StreamContext streamContext = this.connection.getStreamContext(stream);
		ConsumerContext consumerContext = streamContext.createOrUpdateConsumer(ConsumerConfiguration.builder()
			.durable(DURABLE)
			.ackPolicy(AckPolicy.Explicit)
			.maxAckPending(MAX_ACK_PENDING)
			.filterSubject(filter)
			.build());
		this.consumer = consumerContext.consume(this::handle);
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
		if (this.consumer != null) {
			this.consumer.close();
		}
		this.connection.close();
	}

}

package io.github.natsjetstream.benchmarks.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
import io.github.natsjetstream.listener.DurableConsumerProvisioner;
import io.github.natsjetstream.listener.adapter.SpringMessageFactory;
import io.github.natsjetstream.support.NatsHeaders;
import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Runs an endpoint's invoker like {@code NatsHandlerContainer}, with one change.
 */
public final class ExperimentalContainer {

	private static final int MAX_BATCH_SIZE = 256;

	private static final long EXPIRES_MILLIS = 1_000;

	/**
	 * What is changed.
	 */
	public enum Variant {

		/** As the library: {@code fetch} batches, {@code SpringMessageFactory}. */
		FETCH,

		/** {@code iterate()} (continuous pulls, refilled at 25% left) instead of one fetch per batch. */
		ITERATE,

		/** {@code iterate()}, and headers only for the subject and the raw message. */
		ITERATE_MINIMAL_HEADERS,

		/** {@code fetch}, and headers only for the subject and the raw message. */
		FETCH_MINIMAL_HEADERS

	}

	private final NatsHandlerEndpoint endpoint;

	private final Connection connection;

	private final JetStreamManagement management;

	private final Variant variant;

	private final List<Thread> threads = new ArrayList<>();

	private final List<AutoCloseable> consumers = new ArrayList<>();

	private volatile boolean stopping;

	public ExperimentalContainer(NatsHandlerEndpoint endpoint, Connection connection, JetStreamManagement management,
			Variant variant) {
		this.endpoint = endpoint;
		this.connection = connection;
		this.management = management;
		this.variant = variant;
	}

	/**
	 * Provision the durable on the given stream and start the workers.
	 * @param stream the stream
	 * @throws Exception when provisioning fails
	 */
	public void start(String stream) throws Exception {
		HandlerSettings settings = this.endpoint.settings();
		ConsumerConfiguration configuration = ConsumerConfiguration.builder()
			.durable(this.endpoint.durable())
			.ackPolicy(AckPolicy.Explicit)
			.maxAckPending(settings.maxAckPending())
			.ackWait(settings.ackWait())
			.filterSubject(this.endpoint.subjects().get(0))
			.build();
		new DurableConsumerProvisioner(this.management).provision(stream, configuration, this.endpoint.description());
		ConsumerContext context = this.connection.getConsumerContext(stream, this.endpoint.durable());
		int batch = Math.max(1, Math.min(MAX_BATCH_SIZE, settings.maxAckPending() / settings.concurrency()));
		boolean minimal = this.variant == Variant.ITERATE_MINIMAL_HEADERS
				|| this.variant == Variant.FETCH_MINIMAL_HEADERS;
		for (int i = 0; i < settings.concurrency(); i++) {
			Runnable loop;
			if (this.variant == Variant.ITERATE || this.variant == Variant.ITERATE_MINIMAL_HEADERS) {
				IterableConsumer consumer = context.iterate(ConsumeOptions.builder()
					.batchSize(Math.max(settings.maxAckPending() / settings.concurrency(), 1))
					.expiresIn(30_000)
					.build());
				this.consumers.add(consumer);
				loop = () -> iterate(consumer, minimal);
			}
			else {
				FetchConsumeOptions options = FetchConsumeOptions.builder()
					.maxMessages(batch)
					.expiresIn(EXPIRES_MILLIS)
					.build();
				loop = () -> fetch(context, options, minimal);
			}
			Thread thread = new Thread(loop, "nats-" + this.endpoint.id() + "-" + (i + 1));
			this.threads.add(thread);
		}
		this.threads.forEach(Thread::start);
	}

	private void iterate(IterableConsumer consumer, boolean minimal) {
		try {
			while (!this.stopping) {
				Message message = consumer.nextMessage(Duration.ofMillis(EXPIRES_MILLIS));
				if (message != null) {
					handle(message, minimal);
				}
			}
		}
		catch (Exception ex) {
			if (!this.stopping) {
				ex.printStackTrace();
			}
		}
	}

	private void fetch(ConsumerContext context, FetchConsumeOptions options, boolean minimal) {
		try {
			while (!this.stopping) {
				try (FetchConsumer fetch = context.fetch(options)) {
					Message message;
					while ((message = fetch.nextMessage()) != null) {
						handle(message, minimal);
					}
				}
			}
		}
		catch (Exception ex) {
			if (!this.stopping) {
				ex.printStackTrace();
			}
		}
	}

	private void handle(Message message, boolean minimal) {
		long delivery = message.metaData().deliveredCount();
		if (delivery > this.endpoint.settings().maxDeliver()) {
			message.term();
			return;
		}
		try {
			this.endpoint.invoker().invoke(minimal ? minimalMessage(message) : SpringMessageFactory.create(message));
			message.ack();
		}
		catch (Throwable ex) {
			message.nak();
		}
	}

	private static org.springframework.messaging.Message<byte[]> minimalMessage(Message message) {
		Map<String, Object> headers = new HashMap<>(4);
		headers.put(NatsHeaders.SUBJECT, message.getSubject());
		headers.put(NatsHeaders.RAW_MESSAGE, message);
		return new GenericMessage<>(message.getData(), new MinimalHeaders(headers));
	}

	/**
	 * Stop the workers and wait for them.
	 */
	public void stop() throws Exception {
		this.stopping = true;
		for (AutoCloseable consumer : this.consumers) {
			consumer.close();
		}
		for (Thread thread : this.threads) {
			thread.join(5_000);
		}
	}

	private static final class MinimalHeaders extends MessageHeaders {

		MinimalHeaders(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}

	}

}

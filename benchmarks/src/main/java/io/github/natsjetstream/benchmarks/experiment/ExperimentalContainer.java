package io.github.natsjetstream.benchmarks.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.config.HandlerInvoker;
import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
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
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Runs an endpoint's invoker like the library's container, with one change: a cut-down copy
 * of the worker loop (no keep-alives, consumer checks or graceful stop) in which one thing
 * varies, to measure a change before it is made in the library. The loops copy the library
 * as it was at the commits named below; the library has moved on since.
 */
public final class ExperimentalContainer {

	private static final int MAX_BATCH_SIZE = 256;

	private static final long EXPIRES_MILLIS = 1_000;

	/**
	 * What is changed.
	 */
	public enum Variant {

		/** One {@code fetch} at a time, {@code SpringMessageFactory} (the library before 8d90d55). */
		FETCH,

		/** {@code iterate()} (continuous pulls, refilled at 25% left) instead of one fetch per batch. */
		ITERATE,

		/** {@code iterate()}, and headers only for the subject and the raw message. */
		ITERATE_MINIMAL_HEADERS,

		/** {@code fetch}, and headers only for the subject and the raw message. */
		FETCH_MINIMAL_HEADERS,

		/**
		 * {@code fetch}, with the next fetch started before the worker handles the current
		 * one's messages, so that the server fills one while the worker empties the other.
		 */
		FETCH_PIPELINED,

		/** {@code fetch} pipelined, and headers only for the subject and the raw message. */
		FETCH_PIPELINED_MINIMAL_HEADERS,

		/**
		 * {@code fetch}, with the next fetch requested once half of the current batch has
		 * arrived and handled after the current one (the library at 4967db1 to 6fd0852).
		 */
		FETCH_HALF,

		/** {@code iterate()} with the library's batch (at most 256) instead of max ack pending. */
		ITERATE_BATCH_256,

		/** {@code iterate()} with jnats' default batch for {@code consume()} (500). */
		ITERATE_BATCH_500;

		boolean iterates() {
			return this == ITERATE || this == ITERATE_MINIMAL_HEADERS || this == ITERATE_BATCH_256
					|| this == ITERATE_BATCH_500;
		}

		int iterateBatch(int maxAckPending, int concurrency) {
			int share = Math.max(maxAckPending / concurrency, 1);
			return switch (this) {
				case ITERATE_BATCH_256 -> Math.min(MAX_BATCH_SIZE, share);
				case ITERATE_BATCH_500 -> Math.min(500, share);
				default -> share;
			};
		}

		boolean pipelined() {
			return this == FETCH_PIPELINED || this == FETCH_PIPELINED_MINIMAL_HEADERS;
		}

		boolean minimalHeaders() {
			return this == ITERATE_MINIMAL_HEADERS || this == FETCH_MINIMAL_HEADERS
					|| this == FETCH_PIPELINED_MINIMAL_HEADERS;
		}

	}

	private final NatsHandlerEndpoint endpoint;

	private final Connection connection;

	private final JetStreamManagement management;

	private final Variant variant;

	private final HandlerInvoker invoker;

	private final List<Thread> threads = new ArrayList<>();

	private final List<AutoCloseable> consumers = new ArrayList<>();

	private volatile boolean stopping;

	/**
	 * Create a container for an endpoint registered (not started) by the starter.
	 * @param endpoint the endpoint
	 * @param connection the starter's connection
	 * @param management the starter's JetStream management context
	 * @param variant what is changed
	 * @param invoker an invoker to use instead of the endpoint's, or {@code null}
	 */
	public ExperimentalContainer(NatsHandlerEndpoint endpoint, Connection connection, JetStreamManagement management,
			Variant variant, @Nullable HandlerInvoker invoker) {
		this.endpoint = endpoint;
		this.invoker = (invoker != null) ? invoker : endpoint.invoker();
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
		this.management.addOrUpdateConsumer(stream, configuration);
		ConsumerContext context = this.connection.getConsumerContext(stream, this.endpoint.durable());
		int batch = Math.max(1, Math.min(MAX_BATCH_SIZE, settings.maxAckPending() / settings.concurrency()));
		boolean minimal = this.variant.minimalHeaders();
		for (int i = 0; i < settings.concurrency(); i++) {
			Runnable loop;
			if (this.variant.iterates()) {
				IterableConsumer consumer = context.iterate(ConsumeOptions.builder()
					.batchSize(this.variant.iterateBatch(settings.maxAckPending(), settings.concurrency()))
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
				int threshold = Math.max(1, batch / 2);
				loop = (this.variant == Variant.FETCH_HALF) ? () -> fetchHalf(context, options, threshold)
						: this.variant.pipelined() ? () -> fetchPipelined(context, options, minimal)
								: () -> fetch(context, options, minimal);
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

	private void fetchPipelined(ConsumerContext context, FetchConsumeOptions options, boolean minimal) {
		try {
			FetchConsumer current = context.fetch(options);
			while (!this.stopping) {
				FetchConsumer next = context.fetch(options);
				try (FetchConsumer draining = current) {
					Message message;
					while ((message = draining.nextMessage()) != null) {
						handle(message, minimal);
					}
				}
				current = next;
			}
			current.close();
		}
		catch (Exception ex) {
			if (!this.stopping) {
				ex.printStackTrace();
			}
		}
	}

	private void fetchHalf(ConsumerContext context, FetchConsumeOptions options, int threshold) {
		try {
			FetchConsumer next = null;
			while (!this.stopping) {
				FetchConsumer current = (next != null) ? next : context.fetch(options);
				next = null;
				try (current) {
					Message message;
					int received = 0;
					while ((message = current.nextMessage()) != null) {
						if (++received == threshold) {
							next = context.fetch(options);
						}
						handle(message, false);
					}
				}
			}
			if (next != null) {
				next.close();
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
			this.invoker.invoke(minimal ? minimalMessage(message) : SpringMessageFactory.create(message));
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

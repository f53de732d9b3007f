package io.github.natsjetstream.handler;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.natsjetstream.actuate.NatsEndpoint;
import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.JetStreamApiRecorder;
import io.github.natsjetstream.autoconfigure.actuate.NatsEndpointAutoConfiguration;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ReplayRequest;
import io.github.natsjetstream.retry.ReplayResult;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.PurgeOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters go back to their original subject, are handled by the fixed handler, and
 * leave the dead-letter stream.
 */
class ReplayTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private ApplicationContextRunner runner(String deadLetterStream) {
		return HandlerContexts.runner(nats.server())
			.withConfiguration(AutoConfigurations.of(NatsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=nats",
					"nats.jetstream.dead-letter.stream=" + deadLetterStream,
					"nats.jetstream.dead-letter.subjects=" + deadLetterStream.toLowerCase() + ".>",
					"nats.jetstream.dead-letter.subject=" + deadLetterStream.toLowerCase() + ".{stream}.{durable}");
	}

	@Test
	void replayThroughTheEndpointSendsDeadLettersBackToTheFixedHandler() {
		FixableHandlers handlers = new FixableHandlers();
		runner("DLQ_REPLAY").withPropertyValues("nats.jetstream.streams.REPLAY.subjects=replay.>")
			.withBean("fixableHandlers", FixableHandlers.class, () -> handlers)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				for (int i = 0; i < 3; i++) {
					jetStream.publish(NatsMessage.builder()
						.subject("replay.orders")
						.headers(new Headers().put("Trace-Id", "t-" + i))
						.data("order-" + i, StandardCharsets.UTF_8)
						.build());
				}
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				NatsEndpoint endpoint = context.getBean(NatsEndpoint.class);
				await().atMost(HandlerContexts.patience()).until(() -> endpoint.deadLetters().messages() == 3);
				assertThat(endpoint.deadLetters().subjects())
					.containsEntry("dlq_replay.REPLAY.handler-tests-fixableHandlers-orders", 3L);
				assertThat(endpoint.deadLetters().reasons()).containsExactly(entry("non-retryable", 3L));
				assertThat(endpoint.deadLetters().reasonsRead()).isEqualTo(3);
				handlers.fixed = true;

				ReplayResult result = endpoint.replayDeadLetters(null, null, null);

				assertThat(result.replayed()).isEqualTo(3);
				assertThat(result.failedSequences()).isEmpty();
				await().atMost(HandlerContexts.patience()).until(() -> handlers.handled.size() == 3);
				assertThat(handlers.handled).containsExactlyInAnyOrder("order-0 t-0", "order-1 t-1", "order-2 t-2");
				assertThat(endpoint.deadLetters().messages()).isZero();
				assertThat(management.getStreamInfo("REPLAY").getStreamState().getMsgCount()).isEqualTo(6);
			});
	}

	@Test
	void replayByConsumerAndBySequenceRangeLeavesTheOthers() {
		FixableHandlers handlers = new FixableHandlers();
		runner("DLQ_PARTIAL").withPropertyValues("nats.jetstream.streams.PARTIAL.subjects=partial.>",
				"fixable.orders=partial.orders", "fixable.invoices=partial.invoices")
			.withBean("fixableHandlers", FixableHandlers.class, () -> handlers)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				HandlerContexts.publish(jetStream, "partial.orders", "order-a");
				HandlerContexts.publish(jetStream, "partial.invoices", "invoice-a");
				HandlerContexts.publish(jetStream, "partial.orders", "order-b");
				NatsEndpoint endpoint = context.getBean(NatsEndpoint.class);
				await().atMost(HandlerContexts.patience()).until(() -> endpoint.deadLetters().messages() == 3);
				handlers.fixed = true;
				DeadLetterReplayer replayer = context.getBean(DeadLetterReplayer.class);

				ReplayResult invoices = replayer.replay(ReplayRequest.ofConsumer("handler-tests-fixableHandlers-invoices"));

				assertThat(invoices.replayed()).isEqualTo(1);
				assertThat(invoices.skipped()).isEqualTo(2);
				await().atMost(HandlerContexts.patience()).until(() -> handlers.handled.contains("invoice-a null"));
				long first = endpoint.deadLetters().firstSequence();

				ReplayResult one = replayer.replay(ReplayRequest.ofSequences(first, first));

				assertThat(one.replayed()).isEqualTo(1);
				await().atMost(HandlerContexts.patience()).until(() -> handlers.handled.size() == 2);
				assertThat(endpoint.deadLetters().messages()).isEqualTo(1);
			});
	}

	@Test
	void replayCarriesNeitherTheOriginalsMsgIdNorItsExpectations() {
		FixableHandlers handlers = new FixableHandlers();
		runner("DLQ_HEADERS").withPropertyValues("nats.jetstream.streams.HEADERS.subjects=headers.>",
				"fixable.orders=headers.orders", "fixable.invoices=headers.invoices")
			.withBean("fixableHandlers", FixableHandlers.class, () -> handlers)
			.run((context) -> {
				context.getBean(JetStream.class)
					.publish(NatsMessage.builder()
						.subject("headers.orders")
						.headers(new Headers().put("Trace-Id", "t-9")
							.put("Nats-Msg-Id", "order-9")
							.put("Nats-Expected-Stream", "HEADERS")
							.put("Nats-Expected-Last-Sequence", "0"))
						.data("order-9", StandardCharsets.UTF_8)
						.build());
				NatsEndpoint endpoint = context.getBean(NatsEndpoint.class);
				await().atMost(HandlerContexts.patience()).until(() -> endpoint.deadLetters().messages() == 1);
				handlers.fixed = true;

				// Within the duplicate window of order-9, and with a last sequence that is no longer 0.
				ReplayResult result = context.getBean(DeadLetterReplayer.class).replay(ReplayRequest.all());

				assertThat(result.replayed()).isEqualTo(1);
				await().atMost(HandlerContexts.patience()).until(() -> handlers.handled.contains("order-9 t-9"));
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				Headers replayed = management.getMessage("HEADERS", 2).getHeaders();
				assertThat(replayed.getFirst("Trace-Id")).isEqualTo("t-9");
				assertThat(replayed.getFirst("Nats-Msg-Id")).isEqualTo("replay:DLQ_HEADERS:1");
				assertThat(replayed.keySet()).containsOnly("Trace-Id", "Nats-Msg-Id");
			});
	}

	@Test
	void deadLetterWithNatsHeadersOfAnEarlierVersionIsReplayedWithoutThem() throws Exception {
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			JetStreamManagement management = connection.jetStreamManagement();
			JetStream jetStream = connection.jetStream();
			createStream(management, "LEGACY", "legacy.>");
			createStream(management, "DLQ_LEGACY", "dlqlegacy.>");
			HandlerContexts.publish(jetStream, "legacy.orders", "earlier order");
			// Accepted by the dead-letter stream (its subject is empty), refused by the
			// original stream (its subject is not).
			jetStream.publish(NatsMessage.builder()
				.subject("dlqlegacy.LEGACY.orders")
				.headers(new Headers().put(DeadLetterHeaders.ORIGINAL_SUBJECT, "legacy.orders")
					.put(DeadLetterHeaders.CONSUMER, "orders")
					.put("Nats-Expected-Last-Subject-Sequence", "0")
					.put("Trace-Id", "t-3"))
				.data("order", StandardCharsets.UTF_8)
				.build());

			ReplayResult result = new DeadLetterReplayer(management, jetStream, "DLQ_LEGACY")
				.replay(ReplayRequest.all());

			assertThat(result.failedSequences()).isEmpty();
			assertThat(result.replayed()).isEqualTo(1);
			MessageInfo replayed = management.getLastMessage("LEGACY", "legacy.orders");
			assertThat(new String(replayed.getData(), StandardCharsets.UTF_8)).isEqualTo("order");
			assertThat(replayed.getHeaders().keySet()).containsOnly("Trace-Id", "Nats-Msg-Id");
		}
	}

	@Test
	void replayRetriedAfterAFailureBetweenRepublishAndRemovalPublishesOnce() throws Exception {
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			JetStreamManagement management = connection.jetStreamManagement();
			JetStream jetStream = connection.jetStream();
			createStream(management, "ONCE", "once.>");
			createStream(management, "DLQ_ONCE", "dlqonce.>");
			jetStream.publish(NatsMessage.builder()
				.subject("dlqonce.ONCE.orders")
				.headers(new Headers().put(DeadLetterHeaders.ORIGINAL_SUBJECT, "once.orders")
					.put(DeadLetterHeaders.CONSUMER, "orders"))
				.data("order", StandardCharsets.UTF_8)
				.build());
			JetStreamManagement failingOnce = failingFirstDelete(management);

			ReplayResult interrupted = new DeadLetterReplayer(failingOnce, jetStream, "DLQ_ONCE")
				.replay(ReplayRequest.all());
			ReplayResult retried = new DeadLetterReplayer(failingOnce, jetStream, "DLQ_ONCE")
				.replay(ReplayRequest.all());

			assertThat(interrupted.failedSequences()).containsExactly(1L);
			assertThat(retried.replayed()).isEqualTo(1);
			assertThat(management.getStreamInfo("ONCE").getStreamState().getMsgCount()).isEqualTo(1);
			assertThat(management.getStreamInfo("DLQ_ONCE").getStreamState().getMsgCount()).isZero();
		}
	}

	@Test
	void replayReadsTheDeadLetterStreamInBatchesWhateverTheGaps() throws Exception {
		int deadLetters = Integer.getInteger("replay.dead-letters", 2_000);
		int range = Integer.getInteger("replay.range", 20_000);
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			JetStreamManagement management = connection.jetStreamManagement();
			JetStream jetStream = connection.jetStream();
			createStream(management, "WIDE", "wide.>");
			createStream(management, "DLQ_WIDE", "dlqwide.>");
			fillWithGaps(jetStream, deadLetters, range);
			management.purgeStream("DLQ_WIDE", PurgeOptions.subject("dlqwide.gap"));
			StreamState state = management.getStreamInfo("DLQ_WIDE").getStreamState();
			assertThat(state.getMsgCount()).isEqualTo(deadLetters);
			assertThat(state.getLastSequence() - state.getFirstSequence() + 1)
				.isGreaterThanOrEqualTo(range - range / deadLetters);
			DeadLetterReplayer replayer = new DeadLetterReplayer(management, jetStream, "DLQ_WIDE");
			try (JetStreamApiRecorder requests = new JetStreamApiRecorder(nats.server())) {
				long start = System.nanoTime();

				ReplayResult result = replayer.replay(ReplayRequest.all());

				long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
				List<String> subjects = requests.requests();
				long deletes = subjects.stream()
					.filter((subject) -> subject.startsWith("$JS.API.STREAM.MSG.DELETE."))
					.count();
				long reads = subjects.size() - deletes;
				System.out.println("Replayed " + result.replayed() + " dead letters spread over " + range
						+ " sequences in " + millis + " ms; " + reads + " read requests, " + deletes + " deletes: "
						+ subjects.stream()
							.collect(Collectors.groupingBy((subject) -> subject.substring(0, subject.lastIndexOf('.')),
									TreeMap::new, Collectors.counting())));
				assertThat(result.replayed()).isEqualTo(deadLetters);
				assertThat(deletes).isEqualTo(deadLetters);
				assertThat(reads).isLessThanOrEqualTo(deadLetters / 100 + 10);
				assertThat(management.getStreamInfo("WIDE").getStreamState().getMsgCount()).isEqualTo(deadLetters);
			}
		}
	}

	/**
	 * Publish {@code range} messages to the dead-letter stream, of which
	 * {@code deadLetters} evenly spread ones are dead letters and the others, on
	 * {@code dlqwide.gap}, are to be purged.
	 */
	private static void fillWithGaps(JetStream jetStream, int deadLetters, int range) throws Exception {
		int every = range / deadLetters;
		List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
		for (int i = 0; i < range; i++) {
			if (i % every == 0 && i / every < deadLetters) {
				acks.add(jetStream.publishAsync(NatsMessage.builder()
					.subject("dlqwide.WIDE.orders")
					.headers(new Headers().put(DeadLetterHeaders.ORIGINAL_SUBJECT, "wide.orders")
						.put(DeadLetterHeaders.CONSUMER, "orders"))
					.data("order-" + i, StandardCharsets.UTF_8)
					.build()));
			}
			else {
				acks.add(jetStream.publishAsync("dlqwide.gap", new byte[0]));
			}
			if (acks.size() == 1_000) {
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
				acks.clear();
			}
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
	}

	private static void createStream(JetStreamManagement management, String name, String subjects) throws Exception {
		management.addStream(StreamConfiguration.builder()
			.name(name)
			.subjects(subjects)
			.storageType(StorageType.Memory)
			.build());
	}

	/**
	 * The real management context, except that its first message removal fails as if
	 * the connection dropped after the republish.
	 */
	private static JetStreamManagement failingFirstDelete(JetStreamManagement management) {
		AtomicBoolean failed = new AtomicBoolean();
		return (JetStreamManagement) Proxy.newProxyInstance(JetStreamManagement.class.getClassLoader(),
				new Class<?>[] { JetStreamManagement.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("deleteMessage") && failed.compareAndSet(false, true)) {
						throw new IOException("connection lost");
					}
					try {
						return method.invoke(management, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Every JetStream API request of the account, seen by a separate connection
	 * subscribed to {@code $JS.API.>} (they are ordinary messages).
	 */
	static class FixableHandlers {

		volatile boolean fixed;

		final List<String> handled = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "${fixable.orders:replay.orders}", noRetryFor = IllegalStateException.class)
		void orders(String payload, @Header(name = "Trace-Id", required = false) String traceId) {
			handle(payload, traceId);
		}

		@NatsHandler(value = "${fixable.invoices:replay.invoices}", noRetryFor = IllegalStateException.class)
		void invoices(String payload, @Header(name = "Trace-Id", required = false) String traceId) {
			handle(payload, traceId);
		}

		private void handle(String payload, String traceId) {
			if (!this.fixed) {
				throw new IllegalStateException("bug " + payload);
			}
			this.handled.add(payload + " " + traceId);
		}

	}

}

package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.support.NatsHeaders;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost or handled twice when instances compete, stop mid-stream, or the server
 * restarts; a slow handler keeps its message.
 */
class ReliabilityTests {

	private static final int MESSAGES = 10_000;

	private static final String DURABLE = "handler-tests-countingHandler-on";

	@Test
	void twoContextsOnOneDurableShareTheMessagesHandlingEachOnce() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			createStream(server, "SHARE");
			MessageCounter counter = new MessageCounter();
			CountingHandler first = new CountingHandler(counter);
			CountingHandler second = new CountingHandler(counter);
			runner(server, "SHARE").withBean("countingHandler", CountingHandler.class, () -> first)
				.run((one) -> runner(server, "SHARE").withBean("countingHandler", CountingHandler.class, () -> second)
					.run((two) -> {
						publish(server, "SHARE", MESSAGES);
						await().atMost(Duration.ofSeconds(60)).until(() -> counter.distinct() == MESSAGES);
						awaitAllAcknowledged(one.getBean(JetStreamManagement.class), "SHARE");
					}));
			assertThat(counter.handledAll(MESSAGES)).isTrue();
			assertThat(counter.total()).isEqualTo(MESSAGES);
			assertThat(counter.duplicates()).isZero();
			assertThat(first.handled.get()).isPositive();
			assertThat(second.handled.get()).isPositive();
		}
	}

	@Test
	void gracefulStopMidStreamLosesNothingAndReturnsFetchedMessagesAtOnce() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			createStream(server, "STOP");
			MessageCounter counter = new MessageCounter();
			publish(server, "STOP", MESSAGES);
			// A long ack wait: messages fetched by the stopped instance reach the next one only
			// because they are returned (nak) at once, not because their ack wait expires.
			ApplicationContextRunner runner = runner(server, "STOP")
				.withPropertyValues("nats.jetstream.consumer-defaults.ack-wait=5m",
						"nats.jetstream.consumer-defaults.concurrency=4")
				.withBean("countingHandler", CountingHandler.class, () -> new CountingHandler(counter, 1));
			runner.run((first) -> {
				await().atMost(Duration.ofSeconds(60)).until(() -> counter.distinct() >= MESSAGES / 4);
				first.close();
			});
			int handledBeforeStop = counter.distinct();
			assertThat(handledBeforeStop).isLessThan(MESSAGES);
			runner.run((second) -> {
				await().atMost(Duration.ofSeconds(60)).until(() -> counter.distinct() == MESSAGES);
				awaitAllAcknowledged(second.getBean(JetStreamManagement.class), "STOP");
			});
			assertThat(counter.handledAll(MESSAGES)).isTrue();
			assertThat(counter.duplicates()).isZero();
		}
	}

	@Test
	void serverRestartMidStreamLosesNothing() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			createStream(server, "RESTART");
			MessageCounter counter = new MessageCounter();
			publish(server, "RESTART", MESSAGES);
			runner(server, "RESTART")
				.withPropertyValues("nats.reconnect-wait=100ms", "nats.max-reconnects=-1",
						"nats.jetstream.consumer-defaults.ack-wait=2s",
						"nats.jetstream.consumer-defaults.backoff.delays=100ms")
				.withBean("countingHandler", CountingHandler.class, () -> new CountingHandler(counter))
				.run((context) -> {
					await().atMost(Duration.ofSeconds(60)).until(() -> counter.distinct() >= MESSAGES / 4);
					server.restart();
					await().atMost(Duration.ofSeconds(90)).until(() -> counter.distinct() == MESSAGES);
				});
			assertThat(counter.handledAll(MESSAGES)).isTrue();
		}
	}

	@Test
	void handlerSlowerThanItsAckWaitIsNotRedeliveredWhileItRuns() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			createStream(server, "SLOW");
			SlowHandler handler = new SlowHandler();
			runner(server, "SLOW").withBean("slowHandler", SlowHandler.class, () -> handler).run((context) -> {
				publish(server, "SLOW", 1);
				assertThat(handler.finished.await(30, TimeUnit.SECONDS)).isTrue();
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				awaitAllAcknowledged(management, "SLOW");
				ConsumerInfo info = management.getConsumerInfo("SLOW", "handler-tests-slowHandler-on");
				assertThat(info.getRedelivered()).isZero();
				assertThat(handler.invocations.get()).isEqualTo(1);
				assertThat(handler.deliveries).containsExactly(1L);
			});
		}
	}

	@Test
	void slowHandlersOfTwoInstancesHandleEachMessageOnceWithTheDefaultMaxAckPending() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			createStream(server, "QUEUED");
			MessageCounter counter = new MessageCounter();
			publish(server, "QUEUED", 12);
			// Each message takes more than half the ack wait: a worker that pulled several
			// would keep the later ones waiting past their ack wait (1.1s on the server), and
			// the server would give them to the other instance meanwhile.
			ApplicationContextRunner runner = runner(server, "QUEUED").withPropertyValues(
					"nats.jetstream.consumer-defaults.ack-wait=1s", "nats.jetstream.consumer-defaults.backoff.delays=100ms");
			runner.withBean("countingHandler", PacedHandler.class, () -> new PacedHandler(counter))
				.run((one) -> runner.withBean("countingHandler", PacedHandler.class, () -> new PacedHandler(counter))
					.run((two) -> {
						await().atMost(Duration.ofSeconds(60)).until(() -> counter.distinct() == 12);
						awaitAllAcknowledged(one.getBean(JetStreamManagement.class), "QUEUED");
					}));
			assertThat(counter.handledAll(12)).isTrue();
			assertThat(counter.duplicates()).isZero();
			assertThat(counter.total()).isEqualTo(12);
		}
	}

	private static ApplicationContextRunner runner(NatsServer server, String stream) {
		return HandlerContexts.runner(server)
			.withPropertyValues("reliability.stream=" + stream, "reliability.subjects=" + stream.toLowerCase() + ".*");
	}

	private static void createStream(NatsServer server, String stream) throws Exception {
		try (Connection connection = HandlerContexts.connect(server)) {
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder()
					.name(stream)
					.subjects(stream.toLowerCase() + ".>")
					.storageType(StorageType.File)
					.build());
		}
	}

	private static void publish(NatsServer server, String stream, int count) throws Exception {
		try (Connection connection = HandlerContexts.connect(server)) {
			JetStream jetStream = connection.jetStream();
			List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				acks.add(jetStream.publishAsync(stream.toLowerCase() + ".work",
						("m" + i).getBytes(StandardCharsets.UTF_8)));
				if (acks.size() == 1000) {
					CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
					acks.clear();
				}
			}
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
	}

	private static void awaitAllAcknowledged(JetStreamManagement management, String stream) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			String durable = management.getConsumerNames(stream).get(0);
			ConsumerInfo info = management.getConsumerInfo(stream, durable);
			return info.getNumAckPending() == 0 && info.getNumPending() == 0;
		});
	}

	static class CountingHandler {

		private final MessageCounter counter;

		private final long workMillis;

		private final CountDownLatch never = new CountDownLatch(1);

		final AtomicInteger handled = new AtomicInteger();

		CountingHandler(MessageCounter counter) {
			this(counter, 0);
		}

		CountingHandler(MessageCounter counter, long workMillis) {
			this.counter = counter;
			this.workMillis = workMillis;
		}

		@NatsHandler(value = "${reliability.subjects}", stream = "${reliability.stream}")
		void on(String payload) throws InterruptedException {
			if (this.workMillis > 0) {
				// Work that takes a while, so that a stop finds the stream half handled
				this.never.await(this.workMillis, TimeUnit.MILLISECONDS);
			}
			this.counter.handled(payload);
			this.handled.incrementAndGet();
		}

	}

	static class PacedHandler {

		private final MessageCounter counter;

		private final CountDownLatch never = new CountDownLatch(1);

		PacedHandler(MessageCounter counter) {
			this.counter = counter;
		}

		@NatsHandler(value = "${reliability.subjects}", stream = "${reliability.stream}")
		void on(String payload) throws InterruptedException {
			// Work that takes 600ms, more than half the ack wait.
			this.never.await(600, TimeUnit.MILLISECONDS);
			this.counter.handled(payload);
		}

	}

	static class SlowHandler {

		final AtomicInteger invocations = new AtomicInteger();

		final List<Long> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();

		final CountDownLatch finished = new CountDownLatch(1);

		private final CountDownLatch never = new CountDownLatch(1);

		@NatsHandler(value = "slow.*", ackWait = "1s", backoff = "100ms")
		void on(String payload, @Header(NatsHeaders.DELIVERY_COUNT) long delivery) throws InterruptedException {
			this.invocations.incrementAndGet();
			this.deliveries.add(delivery);
			// Work that takes four ack waits.
			this.never.await(4, TimeUnit.SECONDS);
			this.finished.countDown();
		}

	}

}

package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.annotation.NatsRoute;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.retry.NatsBatchFailedException;
import io.github.natsjetstream.support.NatsHeaders;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch handlers: {@code @NatsHandler} methods taking a {@code List}, with their
 * per-message conversion, partial failure and retry semantics.
 */
class BatchHandlerTests {

	private static final String DLQ = "DLQ_TESTS";

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void messagesArriveInBatchesOfAtMostTheBatchSizeAndAreAcknowledged() throws Exception {
		prepublish("BATCHES", "batches.>", "batches.order", 250);
		SizesHandler handler = new SizesHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.BATCHES.subjects=batches.>",
					"nats.jetstream.handlers.sizes.batch-size=100", "nats.jetstream.handlers.sizes.batch-wait=1s")
			.withBean("sizesHandler", SizesHandler.class, () -> handler)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(HandlerContexts.patience()).until(() -> handler.total() == 250);
				awaitSettled(context.getBean(JetStreamManagement.class), "BATCHES", "handler-tests-sizesHandler-on");
				assertThat(handler.sizes).allSatisfy((size) -> assertThat(size).isBetween(1, 100));
				assertThat(Collections.max(handler.sizes)).isEqualTo(100);
				assertThat(handler.total()).isEqualTo(250);
			});
	}

	@Test
	void aMessageThatCannotBeConvertedIsDeadLetteredAloneAndTheOthersAreHandled() throws Exception {
		createStream("CONVERT", "convert.>");
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			JetStream jetStream = connection.jetStream();
			HandlerContexts.publish(jetStream, "convert.a", "{\"id\":\"a\",\"amount\":1}");
			HandlerContexts.publish(jetStream, "convert.b", "not json");
			HandlerContexts.publish(jetStream, "convert.c", "{\"id\":\"c\",\"amount\":3}");
		}
		OrderMessagesHandler handler = new OrderMessagesHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.CONVERT.subjects=convert.>")
			.withBean("orderMessagesHandler", OrderMessagesHandler.class, () -> handler)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				String durable = "handler-tests-orderMessagesHandler-on";
				MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.CONVERT." + durable);
				await().atMost(HandlerContexts.patience()).until(() -> handler.orders.size() == 2);
				awaitSettled(management, "CONVERT", durable);
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("conversion");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT)).isEqualTo("convert.b");
				assertThat(handler.orders).extracting(Order::id).containsExactly("a", "c");
				assertThat(handler.subjects).containsExactly("convert.a", "convert.c");
			});
	}

	@Test
	void aBatchFailedExceptionAcknowledgesThoseBeforeRetriesTheFailedOneAndReturnsTheRest() throws Exception {
		createStream("PARTIAL", "partial.>");
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			for (String letter : List.of("a", "b", "c", "d", "e")) {
				HandlerContexts.publish(connection.jetStream(), "partial." + letter, letter);
			}
		}
		PartialHandler handler = new PartialHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.PARTIAL.subjects=partial.>")
			.withBean("partialHandler", PartialHandler.class, () -> handler)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 5);
				awaitSettled(management, "PARTIAL", "handler-tests-partialHandler-on");
				assertThat(handler.batches.get(0)).containsExactly("a", "b", "c", "d", "e");
				assertThat(handler.seen("a")).isEqualTo(1);
				assertThat(handler.seen("b")).isEqualTo(1);
				assertThat(handler.seen("c")).isEqualTo(2);
				assertThat(handler.seen("d")).isEqualTo(2);
				assertThat(handler.seen("e")).isEqualTo(2);
				assertThat(handler.deliveries.get("c")).containsExactly(1L, 2L);
				assertThat(handler.handled).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
			});
	}

	@Test
	void anyOtherExceptionRetriesTheWholeBatchAndDeadLettersEachMessagePastMaxDeliver() throws Exception {
		createStream("WHOLE", "whole.>");
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			for (String letter : List.of("x", "y", "z")) {
				HandlerContexts.publish(connection.jetStream(), "whole." + letter, letter);
			}
		}
		FailingBatchHandler handler = new FailingBatchHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.WHOLE.subjects=whole.>")
			.withBean("failingBatchHandler", FailingBatchHandler.class, () -> handler)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				String durable = "handler-tests-failingBatchHandler-on";
				await().atMost(HandlerContexts.patience())
					.ignoreExceptions()
					.until(() -> countOn(management, "dlqtests.WHOLE." + durable) == 3);
				awaitSettled(management, "WHOLE", durable);
				MessageInfo last = management.getLastMessage(DLQ, "dlqtests.WHOLE." + durable);
				assertThat(last.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("max-deliver");
				assertThat(last.getHeaders().getFirst(DeadLetterHeaders.DELIVERIES)).isEqualTo("2");
				assertThat(handler.invocations.get()).isGreaterThanOrEqualTo(2);
				assertThat(handler.seen).hasSize(6);
			});
	}

	@Test
	void aStopWaitsForTheBatchInHandAndReturnsTheMessagesPulledSince() throws Exception {
		createStream("STOPPING", "stopping.>");
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			for (int i = 1; i <= 10; i++) {
				HandlerContexts.publish(connection.jetStream(), "stopping.order", "m" + i);
			}
		}
		BlockingBatchHandler handler = new BlockingBatchHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.STOPPING.subjects=stopping.>")
			.withBean("blockingBatchHandler", BlockingBatchHandler.class, () -> handler)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(handler.entered.await(30, TimeUnit.SECONDS)).isTrue();
				Thread closer = new Thread(context::close, "closer");
				closer.start();
				await().atMost(HandlerContexts.patience()).until(() -> closer.getState() != Thread.State.RUNNABLE
						&& closer.getState() != Thread.State.NEW);
				handler.release.countDown();
				closer.join(TimeUnit.SECONDS.toMillis(30));
				assertThat(closer.isAlive()).isFalse();
			});
		assertThat(handler.batches).hasSize(1);
		assertThat(handler.batches.get(0)).containsExactly("m1", "m2", "m3", "m4", "m5");
		BlockingBatchHandler next = new BlockingBatchHandler();
		next.release.countDown();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.STOPPING.subjects=stopping.>")
			.withBean("blockingBatchHandler", BlockingBatchHandler.class, () -> next)
			.run((context) -> {
				// The ack wait is a minute: what the stop returned comes back at once
				await().atMost(Duration.ofSeconds(20))
					.until(() -> next.batches.stream().mapToInt(List::size).sum() == 5);
				assertThat(next.batches.stream().flatMap(List::stream))
					.containsExactlyInAnyOrder("m6", "m7", "m8", "m9", "m10");
				ConsumerInfo info = context.getBean(JetStreamManagement.class)
					.getConsumerInfo("STOPPING", "handler-tests-blockingBatchHandler-on");
				assertThat(info.getAckFloor().getStreamSequence()).isGreaterThanOrEqualTo(5);
			});
	}

	@Test
	void aBatchHandledForLongerThanItsAckWaitIsKeptInProgressAndNotRedelivered() throws Exception {
		createStream("SLOWBATCH", "slowbatch.>");
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			for (int i = 1; i <= 3; i++) {
				HandlerContexts.publish(connection.jetStream(), "slowbatch.order", "s" + i);
			}
		}
		SlowBatchHandler handler = new SlowBatchHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.SLOWBATCH.subjects=slowbatch.>")
			.withBean("slowBatchHandler", SlowBatchHandler.class, () -> handler)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				await().atMost(HandlerContexts.patience()).until(() -> handler.finished.getCount() == 0);
				awaitSettled(management, "SLOWBATCH", "handler-tests-slowBatchHandler-on");
				assertThat(handler.deliveries).containsExactly(1L, 1L, 1L);
				assertThat(management.getConsumerInfo("SLOWBATCH", "handler-tests-slowBatchHandler-on")
					.getRedelivered()).isZero();
			});
	}

	@Test
	void batchSettingsOnAMethodThatTakesNoListAreAStartupError() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.SINGLE.subjects=single.>")
			.withBean("singleWithBatchSize", SingleWithBatchSize.class, SingleWithBatchSize::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("Invalid batchSize of handler 'singleWithBatchSize-on'")
				.hasMessageContaining("SingleWithBatchSize.on(String)")
				.hasMessageContaining("attribute 'batchSize'")
				.hasMessageContaining("only a method taking a List handles batches"));
	}

	@Test
	void aBatchLargerThanHalfOfMaxAckPendingIsAStartupError() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.BIG.subjects=big.>",
					"nats.jetstream.handlers.tooBig-on.max-ack-pending=100")
			.withBean("tooBig", TooBig.class, TooBig::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("Invalid batchSize '80' of handler 'tooBig-on'")
				.hasMessageContaining("must be at most half of maxAckPending (100), 50"));
	}

	@Test
	void aRouteTakingAListIsAStartupErrorSayingRoutingIsPerMessage() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.ROUTED.subjects=routed.>")
			.withBean("routedBatches", RoutedBatches.class, RoutedBatches::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("@NatsRoute method RoutedBatches.on(List) takes a List")
				.hasMessageContaining("routes one message at a time"));
	}

	private static void prepublish(String stream, String subjects, String subject, int count) throws Exception {
		createStream(stream, subjects);
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			JetStream jetStream = connection.jetStream();
			for (int i = 0; i < count; i++) {
				HandlerContexts.publish(jetStream, subject, "{\"n\":" + i + "}");
			}
		}
	}

	private static void createStream(String name, String subjects) throws Exception {
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder()
					.name(name)
					.subjects(subjects)
					.storageType(StorageType.File)
					.build());
		}
	}

	private static MessageInfo awaitDeadLetter(JetStreamManagement management, String subject) {
		return await().atMost(HandlerContexts.patience())
			.ignoreExceptions()
			.until(() -> management.getLastMessage(DLQ, subject), (info) -> info != null);
	}

	private static long countOn(JetStreamManagement management, String subject) throws Exception {
		return management.getStreamInfo(DLQ, io.nats.client.api.StreamInfoOptions.filterSubjects(subject))
			.getStreamState()
			.getSubjects()
			.stream()
			.filter((s) -> s.getName().equals(subject))
			.mapToLong(io.nats.client.api.Subject::getCount)
			.sum();
	}

	private static void awaitSettled(JetStreamManagement management, String stream, String durable) {
		await().atMost(HandlerContexts.patience()).until(() -> {
			ConsumerInfo info = management.getConsumerInfo(stream, durable);
			return info.getNumAckPending() == 0 && info.getNumPending() == 0;
		});
	}

	record Order(String id, int amount) {
	}

	static class SizesHandler {

		final List<Integer> sizes = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "batches.*", id = "sizes")
		void on(List<Map<String, Object>> batch) {
			this.sizes.add(batch.size());
		}

		int total() {
			return this.sizes.stream().mapToInt(Integer::intValue).sum();
		}

	}

	static class OrderMessagesHandler {

		final List<Order> orders = new CopyOnWriteArrayList<>();

		final List<String> subjects = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "convert.*", batchWait = "1s", batchSize = "10")
		void on(List<Message<Order>> batch) {
			for (Message<Order> message : batch) {
				this.orders.add(message.getPayload());
				this.subjects.add(message.getHeaders().get(NatsHeaders.SUBJECT, String.class));
			}
		}

	}

	static class PartialHandler {

		final List<List<String>> batches = new CopyOnWriteArrayList<>();

		final List<String> handled = new CopyOnWriteArrayList<>();

		final Map<String, List<Long>> deliveries = new ConcurrentHashMap<>();

		@NatsHandler(value = "partial.*", batchSize = "5", batchWait = "2s", backoff = "200ms")
		void on(List<io.nats.client.Message> batch) {
			List<String> payloads = new ArrayList<>();
			batch.forEach((message) -> payloads.add(new String(message.getData(), StandardCharsets.UTF_8)));
			this.batches.add(payloads);
			for (io.nats.client.Message message : batch) {
				String payload = new String(message.getData(), StandardCharsets.UTF_8);
				long delivery = message.metaData().deliveredCount();
				this.deliveries.computeIfAbsent(payload, (key) -> new CopyOnWriteArrayList<>()).add(delivery);
				if (payload.equals("c") && delivery == 1) {
					throw new NatsBatchFailedException("c failed", new IllegalStateException("not yet"), message);
				}
				this.handled.add(payload);
			}
		}

		long seen(String payload) {
			return this.batches.stream().flatMap(List::stream).filter(payload::equals).count();
		}

	}

	static class FailingBatchHandler {

		final AtomicInteger invocations = new AtomicInteger();

		final List<String> seen = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "whole.*", maxDeliver = "2", backoff = "100ms", batchWait = "1s")
		void on(List<String> batch) {
			this.invocations.incrementAndGet();
			this.seen.addAll(batch);
			throw new IllegalStateException("downstream unavailable");
		}

	}

	static class BlockingBatchHandler {

		final List<List<String>> batches = new CopyOnWriteArrayList<>();

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@NatsHandler(value = "stopping.*", batchSize = "5", batchWait = "2s", ackWait = "60s")
		void on(List<String> batch) throws InterruptedException {
			this.batches.add(List.copyOf(batch));
			this.entered.countDown();
			this.release.await(30, TimeUnit.SECONDS);
		}

	}

	static class SlowBatchHandler {

		final List<Long> deliveries = new CopyOnWriteArrayList<>();

		final CountDownLatch finished = new CountDownLatch(1);

		private final CountDownLatch never = new CountDownLatch(1);

		@NatsHandler(value = "slowbatch.*", batchSize = "3", batchWait = "2s", ackWait = "1s")
		void on(List<io.nats.client.Message> batch) throws InterruptedException {
			batch.forEach((message) -> this.deliveries.add(message.metaData().deliveredCount()));
			// The work of this handler takes three ack waits
			this.never.await(3, TimeUnit.SECONDS);
			this.finished.countDown();
		}

	}

	static class SingleWithBatchSize {

		@NatsHandler(value = "single.*", batchSize = "10")
		void on(String payload) {
		}

	}

	static class TooBig {

		@NatsHandler(value = "big.*", batchSize = "80")
		void on(List<String> batch) {
		}

	}

	@NatsHandler("routed.>")
	static class RoutedBatches {

		@NatsRoute("routed.*")
		void on(List<String> batch) {
		}

	}

}

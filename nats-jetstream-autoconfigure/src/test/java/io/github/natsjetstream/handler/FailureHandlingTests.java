package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.retry.DeadLetter;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.retry.DeadLetterRecoverer;
import io.github.natsjetstream.retry.PublishingDeadLetterRecoverer;
import io.github.natsjetstream.support.NatsHeaders;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Retries with backoff, giving up after max-deliver, non-retryable failures, and dead
 * letters with their provenance.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureHandlingTests {

	private static final String DLQ = "DLQ_TESTS";

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void failingTwiceThenSucceedingIsRedeliveredOnTheBackoffSchedule() {
		FlakyHandler handler = new FlakyHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.FLAKY.subjects=flaky.>")
			.withBean("flakyHandler", FlakyHandler.class, () -> handler)
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "flaky.order", "{}");
				await().atMost(HandlerContexts.patience()).until(() -> handler.succeeded.get());
				assertThat(handler.deliveries).containsExactly(1L, 2L, 3L);
				long firstGap = handler.times.get(1) - handler.times.get(0);
				long secondGap = handler.times.get(2) - handler.times.get(1);
				// Backoff "1s, 2s": never earlier than scheduled; later only by the server's
				// and the fetch loop's scheduling (a fetch waits up to 1s).
				assertThat(Duration.ofNanos(firstGap).toMillis()).isBetween(900L, 2500L);
				assertThat(Duration.ofNanos(secondGap).toMillis()).isBetween(1900L, 3500L);
				awaitSettled(context.getBean(JetStreamManagement.class), "FLAKY", "handler-tests-flakyHandler-on");
			});
	}

	@Test
	void alwaysFailingIsDeliveredMaxDeliverTimesThenDeadLetteredWithProvenance() {
		FailingHandler handler = new FailingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.ALWAYS.subjects=always.>")
			.withBean("failingHandler", FailingHandler.class, () -> handler)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				Instant before = Instant.now();
				jetStream.publish(NatsMessage.builder()
					.subject("always.order")
					.headers(new Headers().put("Trace-Id", "t-42"))
					.data("{\"id\":1}", StandardCharsets.UTF_8)
					.build());
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				String durable = "handler-tests-failingHandler-on";
				MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.ALWAYS." + durable);
				awaitSettled(management, "ALWAYS", durable);
				assertThat(handler.invocations.get()).isEqualTo(3);
				assertThat(new String(deadLetter.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
				Headers headers = deadLetter.getHeaders();
				assertThat(headers.getFirst("Trace-Id")).isEqualTo("t-42");
				assertThat(headers.getFirst(DeadLetterHeaders.ORIGINAL_STREAM)).isEqualTo("ALWAYS");
				assertThat(headers.getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT)).isEqualTo("always.order");
				assertThat(headers.getFirst(DeadLetterHeaders.ORIGINAL_SEQUENCE)).isEqualTo("1");
				assertThat(headers.getFirst(DeadLetterHeaders.CONSUMER)).isEqualTo(durable);
				assertThat(headers.getFirst(DeadLetterHeaders.DELIVERIES)).isEqualTo("3");
				assertThat(headers.getFirst(DeadLetterHeaders.REASON)).isEqualTo("max-deliver");
				assertThat(headers.getFirst(DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
				assertThat(headers.getFirst(DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("payment service down ")
					.hasSizeLessThanOrEqualTo(1024);
				assertThat(Instant.parse(headers.getFirst(DeadLetterHeaders.FAILED_AT))).isAfterOrEqualTo(before)
					.isBeforeOrEqualTo(Instant.now());
				assertThat(headers.getFirst("Nats-Msg-Id")).isEqualTo("dlq:ALWAYS:1");
				assertThat(countOn(management, "dlqtests.ALWAYS." + durable)).isEqualTo(1);
			});
	}

	@Test
	void nonRetryableFailureIsDeadLetteredAtTheFirstDelivery() {
		RejectingHandler handler = new RejectingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.REJECT.subjects=reject.>")
			.withBean("rejectingHandler", RejectingHandler.class, () -> handler)
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "reject.order", "{}");
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.REJECT.handler-tests-rejectingHandler-on");
				awaitSettled(management, "REJECT", "handler-tests-rejectingHandler-on");
				assertThat(handler.invocations.get()).isEqualTo(1);
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("non-retryable");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.DELIVERIES)).isEqualTo("1");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.EXCEPTION))
					.isEqualTo(IllegalArgumentException.class.getName());
			});
	}

	@Test
	void originalWithJetStreamHeadersIsDeadLetteredWithThemUnderOriginalNames() throws Exception {
		createStream(StreamConfiguration.builder().name("EXPECT").subjects("expect.>").allowRollup(true));
		RejectingHandler handler = new RejectingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("rejecting.subjects=expect.*")
			.withBean("rejectingHandler", RejectingHandler.class, () -> handler)
			.run((context) -> {
				Headers original = new Headers().put("Trace-Id", "t-7")
					.put("Nats-Msg-Id", "order-7")
					.put("Nats-Expected-Stream", "EXPECT")
					.put("Nats-Expected-Last-Sequence", "0")
					.put("Nats-Rollup", "sub");
				context.getBean(JetStream.class)
					.publish(NatsMessage.builder().subject("expect.order").headers(original).data("{}".getBytes()).build());
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				String durable = "handler-tests-rejectingHandler-on";
				MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.EXPECT." + durable);
				awaitSettled(management, "EXPECT", durable);
				Headers headers = deadLetter.getHeaders();
				assertThat(headers.getFirst("Trace-Id")).isEqualTo("t-7");
				assertThat(headers.getFirst("Dlq-Original-Nats-Msg-Id")).isEqualTo("order-7");
				assertThat(headers.getFirst("Dlq-Original-Nats-Expected-Stream")).isEqualTo("EXPECT");
				assertThat(headers.getFirst("Dlq-Original-Nats-Expected-Last-Sequence")).isEqualTo("0");
				assertThat(headers.getFirst("Dlq-Original-Nats-Rollup")).isEqualTo("sub");
				assertThat(headers.keySet()).filteredOn((name) -> name.startsWith("Nats-")).containsExactly("Nats-Msg-Id");
				assertThat(headers.getFirst("Nats-Msg-Id")).isEqualTo("dlq:EXPECT:1");
			});
	}

	@Test
	void originalWithTtlIsDeadLettered() throws Exception {
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			String version = connection.getServerInfo().getVersion();
			assumeTrue(connection.getServerInfo().isSameOrNewerThanVersion("2.11.0"),
					() -> "Per-message TTLs (Nats-TTL) need nats-server 2.11.0 or later; this server is " + version);
		}
		createStream(StreamConfiguration.builder().name("TTL").subjects("ttl.>").allowMessageTtl());
		RejectingHandler handler = new RejectingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("rejecting.subjects=ttl.*")
			.withBean("rejectingHandler", RejectingHandler.class, () -> handler)
			.run((context) -> {
				context.getBean(JetStream.class)
					.publish(NatsMessage.builder()
						.subject("ttl.order")
						.headers(new Headers().put("Nats-TTL", "1h"))
						.data("{}".getBytes())
						.build());
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				String durable = "handler-tests-rejectingHandler-on";
				MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.TTL." + durable);
				awaitSettled(management, "TTL", durable);
				assertThat(deadLetter.getHeaders().getFirst("Dlq-Original-Nats-TTL")).isEqualTo("1h");
				assertThat(deadLetter.getHeaders().get("Nats-TTL")).isNull();
			});
	}

	@Test
	void urlCredentialsInTheExceptionMessageReachNeitherTheDeadLetterNorTheLog(CapturedOutput output) {
		LeakingHandler handler = new LeakingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.LEAK.subjects=leak.>")
			.withBean("leakingHandler", LeakingHandler.class, () -> handler)
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "leak.order", "{}");
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				String durable = "handler-tests-leakingHandler-on";
				MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.LEAK." + durable);
				awaitSettled(management, "LEAK", durable);
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.EXCEPTION_MESSAGE))
					.isEqualTo("payment service https://payments.example/charge and nats://nats.example:4222 refused");
				assertThat(output).contains("Dead-lettered message leak.order").doesNotContain("s3cret", "t0ken");
			});
	}

	@Test
	void impossibleDeadLetterPublishKeepsTheOriginalAndRetriesIt(CapturedOutput output) {
		RejectingHandler handler = new RejectingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.KEEP.subjects=keep.>", "rejecting.subjects=keep.*",
					"nats.jetstream.dead-letter.stream=DLQ_KEEP", "nats.jetstream.dead-letter.subjects=dlqkeep.>",
					"nats.jetstream.dead-letter.subject=dlqkeep.{stream}.{durable}")
			.withBean("rejectingHandler", RejectingHandler.class, () -> handler)
			.run((context) -> {
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				management.deleteStream("DLQ_KEEP");
				HandlerContexts.publish(context.getBean(JetStream.class), "keep.order", "{}");
				await().atMost(HandlerContexts.patience())
					.until(() -> output.toString().contains("Could not dead-letter message keep.order"));
				String durable = "handler-tests-rejectingHandler-on";
				// Still in its stream and still owed to the consumer: redelivered, not dropped.
				assertThat(management.getStreamInfo("KEEP").getStreamState().getMsgCount()).isEqualTo(1);
				await().atMost(HandlerContexts.patience())
					.until(() -> management.getConsumerInfo("KEEP", durable).getRedelivered() >= 1);
				management.addStream(StreamConfiguration.builder().name("DLQ_KEEP").subjects("dlqkeep.>").build());
				MessageInfo deadLetter = await().atMost(HandlerContexts.patience())
					.ignoreExceptions()
					.until(() -> management.getLastMessage("DLQ_KEEP", "dlqkeep.KEEP." + durable), (m) -> m != null);
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT)).isEqualTo("keep.order");
				assertThat(handler.invocations.get()).isEqualTo(1);
				awaitSettled(management, "KEEP", durable);
			});
	}

	@Test
	void failureAfterTheDeadLetterPublishAndBeforeTheTermLeavesOneDeadLetter() {
		RejectingHandler handler = new RejectingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.TWICE.subjects=twice.>", "rejecting.subjects=twice.*")
			.withBean("rejectingHandler", RejectingHandler.class, () -> handler)
			.withUserConfiguration(FailingOnceRecovererConfiguration.class)
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "twice.order", "{}");
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				String durable = "handler-tests-rejectingHandler-on";
				FailingOnceRecoverer recoverer = context.getBean(FailingOnceRecoverer.class);
				await().atMost(HandlerContexts.patience()).until(() -> recoverer.calls.get() >= 2);
				awaitSettled(management, "TWICE", durable);
				assertThat(countOn(management, "dlqtests.TWICE." + durable)).isEqualTo(1);
			});
	}

	/**
	 * Create a stream before the application starts, with settings the starter's
	 * properties do not offer.
	 */
	private static void createStream(StreamConfiguration.Builder stream) throws Exception {
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			connection.jetStreamManagement().addStream(stream.build());
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

	static class FlakyHandler {

		final List<Long> deliveries = new CopyOnWriteArrayList<>();

		final List<Long> times = new CopyOnWriteArrayList<>();

		final AtomicBoolean succeeded = new AtomicBoolean();

		@NatsHandler(value = "flaky.*", backoff = "1s, 2s")
		void on(String payload, @Header(NatsHeaders.DELIVERY_COUNT) long delivery) {
			this.times.add(System.nanoTime());
			this.deliveries.add(delivery);
			if (delivery < 3) {
				throw new IllegalStateException("not yet");
			}
			this.succeeded.set(true);
		}

	}

	static class FailingHandler {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsHandler(value = "always.*", maxDeliver = "3", backoff = "100ms")
		void on(String payload) {
			throw new IllegalStateException("payment service down " + "x".repeat(3000) + this.invocations.incrementAndGet());
		}

	}

	static class RejectingHandler {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsHandler(value = "${rejecting.subjects:reject.*}", maxDeliver = "1",
				noRetryFor = IllegalArgumentException.class)
		void on(String payload) {
			this.invocations.incrementAndGet();
			throw new IllegalArgumentException("unknown customer");
		}

	}

	static class LeakingHandler {

		@NatsHandler(value = "leak.*", noRetryFor = IllegalArgumentException.class)
		void on(String payload) {
			throw new IllegalArgumentException("payment service https://shop:s3cret@payments.example/charge and "
					+ "nats://t0ken@nats.example:4222 refused");
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class FailingOnceRecovererConfiguration {

		@org.springframework.context.annotation.Bean
		FailingOnceRecoverer failingOnceRecoverer(JetStream jetStream) {
			return new FailingOnceRecoverer(new PublishingDeadLetterRecoverer(jetStream));
		}

	}

	/**
	 * Publishes the dead letter, then fails the first time as if the process died before
	 * terminating the original.
	 */
	static class FailingOnceRecoverer implements DeadLetterRecoverer {

		private final DeadLetterRecoverer delegate;

		final AtomicInteger calls = new AtomicInteger();

		FailingOnceRecoverer(DeadLetterRecoverer delegate) {
			this.delegate = delegate;
		}

		@Override
		public void recover(DeadLetter deadLetter) throws Exception {
			this.delegate.recover(deadLetter);
			if (this.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("died after publishing");
			}
		}

	}

}

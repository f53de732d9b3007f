package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ReplayRequest;
import io.github.natsjetstream.retry.ReplayResult;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead letter that the server can never accept (too large once the dead-letter headers
 * are added, or refused by the dead-letter stream for its size) is published without its
 * payload instead of being retried for ever, and replay still sends the original back.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnpublishableDeadLetterTests {

	private static final int MAX_PAYLOAD = 8 * 1024;

	private static final String DURABLE = "handler-tests-rejectingHandler-on";

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension
		.create((server) -> server.config("max_payload: " + MAX_PAYLOAD));

	@Test
	void deadLetterLargerThanMaxPayloadIsPublishedWithoutItsPayloadAndReplayedFromTheOriginal(
			CapturedOutput output) {
		RejectingHandler handler = new RejectingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.BIG.subjects=big.>", "rejecting.subjects=big.*")
			.withBean("rejectingHandler", RejectingHandler.class, () -> handler)
			.run((context) -> {
				// Fits as it is; does not with the dead-letter headers (about 1 KiB of exception message).
				String payload = "x".repeat(MAX_PAYLOAD - 600);
				context.getBean(JetStream.class)
					.publish(NatsMessage.builder()
						.subject("big.order")
						.headers(new Headers().put("Trace-Id", "t-1"))
						.data(payload, StandardCharsets.UTF_8)
						.build());
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.BIG." + DURABLE);
				awaitSettled(management, "BIG", DURABLE);
				assertThat(handler.invocations.get()).isEqualTo(1);
				assertThat(deadLetter.getData()).isNullOrEmpty();
				Headers headers = deadLetter.getHeaders();
				assertThat(headers.getFirst(DeadLetterHeaders.PAYLOAD_OMITTED)).startsWith("refused by the client: ")
					.contains(Integer.toString(MAX_PAYLOAD));
				assertThat(headers.getFirst(DeadLetterHeaders.ORIGINAL_STREAM)).isEqualTo("BIG");
				assertThat(headers.getFirst(DeadLetterHeaders.ORIGINAL_SEQUENCE)).isEqualTo("1");
				assertThat(headers.getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT)).isEqualTo("big.order");
				assertThat(headers.getFirst(DeadLetterHeaders.REASON)).isEqualTo("non-retryable");
				assertThat(headers.getFirst(DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("unknown customer");
				assertThat(headers.keySet()).allMatch((name) -> name.startsWith("Dlq-") || name.equals("Nats-Msg-Id"));
				assertThat(output).contains("without its payload").doesNotContain("Could not dead-letter");
				handler.fixed = true;

				ReplayResult result = context.getBean(DeadLetterReplayer.class).replay(ReplayRequest.all());

				assertThat(result.replayed()).isEqualTo(1);
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 1);
				assertThat(handler.handled).containsExactly(payload.length() + " t-1");
			});
	}

	@Test
	void deadLetterRefusedForItsSizeByTheDeadLetterStreamIsPublishedWithoutItsPayload() {
		RejectingHandler handler = new RejectingHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.SIZED.subjects=sized.>", "rejecting.subjects=sized.*",
					"nats.jetstream.dead-letter.stream=DLQ_SIZED", "nats.jetstream.dead-letter.subjects=dlqsized.>",
					"nats.jetstream.dead-letter.subject=dlqsized.{stream}.{durable}")
			.withBean("natsDeadLetterStream", NatsStream.class,
					() -> NatsStream.builder("DLQ_SIZED").subjects("dlqsized.>").maxMsgSize(3 * 1024).build())
			.withBean("rejectingHandler", RejectingHandler.class, () -> handler)
			.run((context) -> {
				context.getBean(JetStream.class)
					.publish("sized.order", "y".repeat(4 * 1024).getBytes(StandardCharsets.UTF_8));
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				MessageInfo deadLetter = await().atMost(HandlerContexts.patience())
					.ignoreExceptions()
					.until(() -> management.getLastMessage("DLQ_SIZED", "dlqsized.SIZED." + DURABLE),
							(info) -> info != null);
				awaitSettled(management, "SIZED", DURABLE);
				assertThat(deadLetter.getData()).isNullOrEmpty();
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.PAYLOAD_OMITTED))
					.isEqualTo("refused by the server: message size exceeds maximum allowed [10054]");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.ORIGINAL_SEQUENCE)).isEqualTo("1");
			});
	}

	private static MessageInfo awaitDeadLetter(JetStreamManagement management, String subject) {
		return await().atMost(HandlerContexts.patience())
			.ignoreExceptions()
			.until(() -> management.getLastMessage("DLQ_TESTS", subject), (info) -> info != null);
	}

	private static void awaitSettled(JetStreamManagement management, String stream, String durable) {
		await().atMost(HandlerContexts.patience()).until(() -> {
			ConsumerInfo info = management.getConsumerInfo(stream, durable);
			return info.getNumAckPending() == 0 && info.getNumPending() == 0;
		});
	}

	static class RejectingHandler {

		final AtomicInteger invocations = new AtomicInteger();

		final List<String> handled = new CopyOnWriteArrayList<>();

		volatile boolean fixed;

		@NatsHandler(value = "${rejecting.subjects}", noRetryFor = IllegalArgumentException.class)
		void on(String payload, @Header(name = "Trace-Id", required = false) String traceId) {
			if (!this.fixed) {
				this.invocations.incrementAndGet();
				throw new IllegalArgumentException("unknown customer " + "z".repeat(1000));
			}
			this.handled.add(payload.length() + " " + traceId);
		}

	}

}

package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.actuate.NatsEndpoint;
import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.actuate.NatsEndpointAutoConfiguration;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ReplayRequest;
import io.github.natsjetstream.retry.ReplayResult;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
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

package io.github.natsjetstream.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.natsjetstream.core.NatsPublishException.Reason;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.PublishAck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bound on asynchronous publishes awaiting acknowledgement: with
 * {@code max-in-flight} of them unacknowledged (a plain subscriber takes the publishes
 * and answers only when the test says so), a further publish waits for a place and
 * fails, unsent, when none frees up in time.
 */
class JetStreamTemplateInFlightTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner runner = PublishingContexts.runner(nats.server())
		.withPropertyValues("nats.jetstream.publish.max-in-flight=3", "nats.jetstream.publish.timeout=60s");

	@Test
	void publishBeyondMaxInFlightFailsUnsentAfterTheTimeout() {
		this.runner.withPropertyValues("nats.jetstream.publish.max-in-flight-timeout=200ms").run((context) -> {
			Connection connection = context.getBean(Connection.class);
			Subscription pending = connection.subscribe("pending.>");
			connection.flush(PublishingContexts.patience());
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			List<CompletableFuture<PublishAck>> inFlight = List.of(template.publishAsync("pending.1", "1"),
					template.publishAsync("pending.2", "2"), template.publishAsync("pending.3", "3"));
			assertThat(template.getInFlight()).isEqualTo(3);
			CompletableFuture<PublishAck> beyond = template.publishAsync("pending.4", "4");
			assertThat(beyond).isCompletedExceptionally();
			Throwable failure = beyond.handle((ack, ex) -> ex).join();
			assertThat(failure).isInstanceOf(NatsPublishException.class)
				.hasMessageContaining("Message for subject 'pending.4' not sent")
				.hasMessageContaining("3 asynchronous publishes allowed in flight (max-in-flight)")
				.hasMessageContaining("after 200ms (max-in-flight-timeout)");
			assertThat(((NatsPublishException) failure).getReason()).isEqualTo(Reason.MAX_IN_FLIGHT);
			// The connection sends in order: what arrives before this marker was sent before it.
			connection.publish("pending.marker", new byte[0]);
			assertThat(List.of(PublishingContexts.next(pending).getSubject(), PublishingContexts.next(pending).getSubject(),
					PublishingContexts.next(pending).getSubject(), PublishingContexts.next(pending).getSubject()))
				.containsExactly("pending.1", "pending.2", "pending.3", "pending.marker");
			assertThat(inFlight).noneMatch(CompletableFuture::isDone);
		});
	}

	@Test
	void publishBeyondMaxInFlightWaitsForAnAcknowledgement() {
		this.runner.withPropertyValues("nats.jetstream.publish.max-in-flight-timeout=60s").run((context) -> {
			Connection connection = context.getBean(Connection.class);
			Subscription pending = connection.subscribe("waiting.>");
			connection.flush(PublishingContexts.patience());
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			CompletableFuture<PublishAck> first = template.publishAsync("waiting.1", "1");
			template.publishAsync("waiting.2", "2");
			template.publishAsync("waiting.3", "3");
			ExecutorService executor = Executors.newSingleThreadExecutor();
			try {
				AtomicReference<Thread> publisher = new AtomicReference<>();
				CompletableFuture<CompletableFuture<PublishAck>> beyond = CompletableFuture.supplyAsync(() -> {
					publisher.set(Thread.currentThread());
					return template.publishAsync("waiting.4", "4");
				}, executor);
				await().atMost(PublishingContexts.patience())
					.until(() -> publisher.get() != null && publisher.get().getState() == Thread.State.TIMED_WAITING);
				assertThat(beyond).isNotDone();
				Message message = PublishingContexts.next(pending);
				assertThat(message.getSubject()).isEqualTo("waiting.1");
				PublishingContexts.acknowledge(connection, message, 1);
				assertThat(first.get(30, TimeUnit.SECONDS).getSeqno()).isOne();
				CompletableFuture<PublishAck> fourth = beyond.get(30, TimeUnit.SECONDS);
				assertThat(PublishingContexts.next(pending).getSubject()).isEqualTo("waiting.2");
				assertThat(PublishingContexts.next(pending).getSubject()).isEqualTo("waiting.3");
				Message fourthMessage = PublishingContexts.next(pending);
				assertThat(fourthMessage.getSubject()).isEqualTo("waiting.4");
				PublishingContexts.acknowledge(connection, fourthMessage, 4);
				assertThat(fourth.get(30, TimeUnit.SECONDS).getSeqno()).isEqualTo(4);
				assertThat(template.getInFlight()).isEqualTo(2);
			}
			finally {
				executor.shutdownNow();
			}
		});
	}

}

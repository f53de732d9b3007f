package io.github.natsjetstream.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.metrics.NatsHandlerMeterObservationHandler;
import io.github.natsjetstream.support.NatsHeaders;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.natsjetstream.retry.NatsBatchFailedException;
import io.nats.client.JetStream;
import io.nats.client.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters of handling, dead letters, consumers and the connection, in an application
 * with Spring Boot's metrics and observation auto-configuration and a
 * {@link SimpleMeterRegistry}.
 */
class HandlerMetricsTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static ApplicationContextRunner runner(String stream, String prefix) {
		return HandlerContexts.runner(nats.server())
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, NatsMetricsAutoConfiguration.class))
			.withPropertyValues("nats.jetstream.streams." + stream + ".subjects=" + prefix + ".>",
					"metered.prefix=" + prefix, "nats.jetstream.consumer-statistics.interval=200ms");
	}

	@Test
	void handlingTimersAndDeadLetterCountersAfterSuccessesRetriesAndDeadLetters() {
		runner("METERED", "metered").withBean("meteredHandlers", MeteredHandlers.class, MeteredHandlers::new)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters).isInstanceOf(SimpleMeterRegistry.class);
				assertThat(context).hasSingleBean(NatsHandlerMeterObservationHandler.class);
				publishAndAwaitEveryOutcome(meters, context.getBean(JetStream.class), "metered", "METERED");
				assertThat(meters.get("nats.handler.active").tags("handler", "ok", "stream", "METERED").longTaskTimer()
					.activeTasks()).isZero();
				assertThat(meters.get("nats.dead.letters").functionCounters()).hasSize(5 * 5);
				assertThat(meters.get("nats.connection.messages.received").functionCounter().count())
					.isGreaterThanOrEqualTo(8);
				assertThat(meters.get("nats.connection.messages.sent").functionCounter().count())
					.isGreaterThanOrEqualTo(8);
				assertThat(meters.get("nats.connection.received").functionCounter().count()).isPositive();
				assertThat(meters.get("nats.connection.sent").functionCounter().count()).isPositive();
				assertThat(meters.get("nats.connection.reconnects").functionCounter().count()).isZero();
				assertThat(meters.get("nats.connection.messages.dropped").functionCounter().count()).isZero();
				assertThat(meters.get("nats.connection.pending.outgoing").gauge().value()).isGreaterThanOrEqualTo(0);
			});
	}

	@Test
	void withTheHandlerObservationDisabledHandlersRecordTheSameTimersDirectly() {
		runner("DIRECT", "direct").withPropertyValues("nats.jetstream.handler-observation-enabled=false")
			.withBean("meteredHandlers", MeteredHandlers.class, MeteredHandlers::new)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				publishAndAwaitEveryOutcome(meters, context.getBean(JetStream.class), "direct", "DIRECT");
				assertThat(meters.find("nats.handler.active").longTaskTimers()).isEmpty();
				assertThat(meters.find("nats.handler").timers()).allSatisfy((timer) -> assertThat(
						timer.getId().getTags().stream().map((tag) -> tag.getKey()))
					.containsExactlyInAnyOrder("handler", "stream", "outcome", "error"));
			});
	}

	@Test
	void withTheHandlerObservationDisabledEachMessageOfABatchIsTimedUntilItIsSettled() throws Exception {
		HandlerContexts.prePublish(nats.server(), "TIMED_BATCH", "timedbatch", List.of("a", "b", "c"));
		runner("TIMED_BATCH", "timedbatch").withPropertyValues("nats.jetstream.handler-observation-enabled=false")
			.withBean("batchHandler", BatchHandler.class, BatchHandler::new)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
					assertThat(handled(meters, "batched", "ack")).isEqualTo(2);
					assertThat(handled(meters, "batched", "retry")).isEqualTo(1);
					assertThat(handled(meters, "batched", "dead-letter")).isEqualTo(1);
				});
				assertThat(handlingTimer(meters, "handler", "batched", "stream", "TIMED_BATCH", "outcome", "dead-letter",
						"error", "IllegalArgumentException")
					.count()).isEqualTo(1);
				assertThat(handlingTimer(meters, "handler", "batched", "outcome", "retry", "error", "none").count())
					.isEqualTo(1);
			});
	}

	/**
	 * Publish messages that the {@link MeteredHandlers} acknowledge, retry and
	 * dead-letter, and check the handling timers, the dead-letter counters and the
	 * dead letters' publish timers they leave.
	 */
	private static void publishAndAwaitEveryOutcome(MeterRegistry meters, JetStream jetStream, String prefix,
			String stream) throws Exception {
		for (int i = 0; i < 3; i++) {
			HandlerContexts.publish(jetStream, prefix + ".ok." + i, "ok");
		}
		HandlerContexts.publish(jetStream, prefix + ".flaky.1", "flaky");
		HandlerContexts.publish(jetStream, prefix + ".reject.1", "reject");
		HandlerContexts.publish(jetStream, prefix + ".exhaust.1", "exhaust");
		await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
			assertThat(handled(meters, "ok", "ack")).isEqualTo(3);
			assertThat(handled(meters, "flaky", "retry")).isEqualTo(1);
			assertThat(handled(meters, "flaky", "ack")).isEqualTo(1);
			assertThat(handled(meters, "reject", "dead-letter")).isEqualTo(1);
			assertThat(handled(meters, "exhaust", "retry")).isEqualTo(1);
			assertThat(handled(meters, "exhaust", "dead-letter")).isEqualTo(1);
		});
		assertThat(handlingTimer(meters, "handler", "flaky", "stream", stream, "outcome", "retry", "error",
				"IllegalStateException")
			.count()).isEqualTo(1);
		assertThat(handlingTimer(meters, "handler", "reject", "stream", stream, "outcome", "dead-letter", "error",
				"IllegalArgumentException")
			.count()).isEqualTo(1);
		assertThat(handlingTimer(meters, "handler", "ok", "outcome", "ack", "error", "none")
			.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		assertThat(deadLetters(meters, "reject", "non-retryable")).isEqualTo(1);
		assertThat(deadLetters(meters, "exhaust", "max-deliver")).isEqualTo(1);
		assertThat(deadLetters(meters, "exhaust", "non-retryable")).isZero();
		assertThat(deadLetters(meters, "ok", "max-deliver")).isZero();
		// The dead letters' publishes are observed as publishes.
		assertThat(meters.get("nats.publish").tags("stream", "DLQ_TESTS", "outcome", "ack").timer().count())
			.isEqualTo(2);
	}

	@Test
	void springBootsObservationSwitchTurnsTheHandlingTimersOffAndLeavesTheRest() {
		runner("UNTIMED", "untimed").withPropertyValues("management.observations.enable.nats.handler=false")
			.withBean("meteredHandlers", MeteredHandlers.class, MeteredHandlers::new)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				MeteredHandlers handlers = context.getBean(MeteredHandlers.class);
				JetStream jetStream = context.getBean(JetStream.class);
				HandlerContexts.publish(jetStream, "untimed.ok.1", "ok");
				HandlerContexts.publish(jetStream, "untimed.reject.1", "reject");
				await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
					assertThat(handlers.handled).containsExactly("ok");
					assertThat(deadLetters(meters, "reject", "non-retryable")).isEqualTo(1);
				});
				assertThat(meters.find("nats.handler").timers()).isEmpty();
				assertThat(meters.find("nats.handler.active").longTaskTimers()).isEmpty();
				// The dead letter's publish is still observed: only the handling is off.
				assertThat(meters.get("nats.publish").tags("stream", "DLQ_TESTS", "outcome", "ack").timer().count())
					.isEqualTo(1);
			});
	}

	@Test
	void pendingGaugeFollowsTheConsumerWhilePausedAndResumed() {
		runner("GAUGED", "gauged").withBean("meteredHandlers", MeteredHandlers.class, MeteredHandlers::new)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				MeteredHandlers handlers = context.getBean(MeteredHandlers.class);
				await().atMost(HandlerContexts.patience()).until(() -> gauge(meters, "nats.consumer.pending", "ok") == 0);
				assertThat(meters.get("nats.consumer.pending").tags("handler", "ok", "stream", "GAUGED").gauge())
					.isNotNull();
				NatsHandlerContainerRegistry registry = context.getBean(NatsHandlerContainerRegistry.class);
				registry.pause("ok");
				JetStream jetStream = context.getBean(JetStream.class);
				for (int i = 0; i < 5; i++) {
					HandlerContexts.publish(jetStream, "gauged.ok." + i, "ok");
				}
				await().atMost(HandlerContexts.patience()).until(() -> gauge(meters, "nats.consumer.pending", "ok") == 5);
				assertThat(handlers.handled).isEmpty();
				registry.resume("ok");
				await().atMost(HandlerContexts.patience()).until(() -> gauge(meters, "nats.consumer.pending", "ok") == 0
						&& gauge(meters, "nats.consumer.ack.pending", "ok") == 0);
				assertThat(handlers.handled).hasSize(5);
			});
	}

	@Test
	void ackPendingAndRedeliveredGaugesFollowAMessageHeldAfterAFailure() {
		runner("HELD", "held").withBean("meteredHandlers", MeteredHandlers.class, MeteredHandlers::new)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				MeteredHandlers handlers = context.getBean(MeteredHandlers.class);
				HandlerContexts.publish(context.getBean(JetStream.class), "held.hold.1", "hold");
				await().atMost(HandlerContexts.patience())
					.until(() -> gauge(meters, "nats.consumer.ack.pending", "hold") == 1
							&& gauge(meters, "nats.consumer.redelivered", "hold") == 1);
				assertThat(handlers.holding.getCount()).isOne();
				handlers.holding.countDown();
				await().atMost(HandlerContexts.patience())
					.until(() -> gauge(meters, "nats.consumer.ack.pending", "hold") == 0
							&& gauge(meters, "nats.consumer.redelivered", "hold") == 0);
				assertThat(handlers.handled).containsExactly("hold");
			});
	}

	@Test
	void reconnectsAreCounted() {
		try (NatsServer server = NatsServer.builder().jetStream(true).build().start()) {
			HandlerContexts.runner(server)
				.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
						SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
						NatsMetricsAutoConfiguration.class))
				.withPropertyValues("nats.reconnect-wait=100ms")
				.run((context) -> {
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThat(meters.get("nats.connection.reconnects").functionCounter().count()).isZero();
					server.restart();
					await().atMost(HandlerContexts.patience())
						.until(() -> meters.get("nats.connection.reconnects").functionCounter().count() == 1);
				});
		}
	}

	private static long handled(MeterRegistry meters, String handler, String outcome) {
		return Search.in(meters)
			.name("nats.handler")
			.tags("handler", handler, "outcome", outcome)
			.timers()
			.stream()
			.mapToLong((timer) -> timer.count())
			.sum();
	}

	private static Timer handlingTimer(MeterRegistry meters, String... tags) {
		return meters.get("nats.handler").tags(tags).timer();
	}

	private static double deadLetters(MeterRegistry meters, String handler, String reason) {
		return meters.get("nats.dead.letters").tags("handler", handler, "reason", reason).functionCounter().count();
	}

	private static double gauge(MeterRegistry meters, String name, String handler) {
		Gauge gauge = Search.in(meters).name(name).tag("handler", handler).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

	/**
	 * Refuses message b of its first batch of three, so that a is acknowledged, b
	 * dead-lettered and c retried, then acknowledged.
	 */
	static class BatchHandler {

		@NatsHandler(value = "timedbatch.*", id = "batched", batchSize = "3", batchWait = "2s",
				noRetryFor = IllegalArgumentException.class)
		void on(List<Message> batch) {
			for (Message message : batch) {
				if (message.getSubject().equals("timedbatch.b")) {
					throw new NatsBatchFailedException("b refused", new IllegalArgumentException("not for us"), message);
				}
			}
		}

	}

	static class MeteredHandlers {

		final List<String> handled = new CopyOnWriteArrayList<>();

		final CountDownLatch holding = new CountDownLatch(1);

		@NatsHandler(value = "${metered.prefix}.ok.*", id = "ok")
		void ok(String payload) {
			this.handled.add(payload);
		}

		@NatsHandler(value = "${metered.prefix}.flaky.*", id = "flaky", backoff = "100ms")
		void flaky(String payload, @Header(NatsHeaders.DELIVERY_COUNT) long delivery) {
			if (delivery == 1) {
				throw new IllegalStateException("first delivery fails");
			}
			this.handled.add(payload);
		}

		@NatsHandler(value = "${metered.prefix}.reject.*", id = "reject",
				noRetryFor = IllegalArgumentException.class)
		void reject(String payload) {
			throw new IllegalArgumentException("not for us");
		}

		@NatsHandler(value = "${metered.prefix}.exhaust.*", id = "exhaust", maxDeliver = "2", backoff = "100ms")
		void exhaust(String payload) {
			throw new IllegalStateException("never");
		}

		@NatsHandler(value = "${metered.prefix}.hold.*", id = "hold", backoff = "100ms", ackWait = "60s")
		void hold(String payload, @Header(NatsHeaders.DELIVERY_COUNT) long delivery) throws InterruptedException {
			if (delivery == 1) {
				throw new IllegalStateException("first delivery fails");
			}
			this.holding.await(60, TimeUnit.SECONDS);
			this.handled.add(payload);
		}

	}

}

package io.github.natsjetstream.handler;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.health.NatsHealthContributorAutoConfiguration;
import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code nats} health contributor against a real server: the connection while the
 * server is stopped and after it restarts, a handler whose worker dies, a handler starved
 * by a stuck consumer, and a consumer paused from outside.
 */
class NatsHealthTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static final String HANDLER = "nats/handlers/health-handler";

	@Test
	void connectionIsDownWhileTheServerIsStoppedAndUpAgainOnceItRestartsWithoutCredentialsInDetails() {
		try (NatsServer server = NatsServer.builder()
			.config("authorization { users = [ { user: alice, password: \"s3cret\" } ] }")
			.build()
			.start()) {
			String plainUrl = "nats://127.0.0.1:" + server.port();
			runner(server)
				.withPropertyValues("nats.servers=nats://alice:s3cret@127.0.0.1:" + server.port(),
						"nats.reconnect-wait=100ms", "nats.max-reconnects=-1",
						"nats.jetstream.streams.HEALTH_CONN.subjects=healthconn.>", "handler.subject=healthconn.*")
				.withBean("healthHandler", CountingHandler.class, CountingHandler::new)
				.run((context) -> {
					HealthEndpoint health = context.getBean(HealthEndpoint.class);
					markAvailable(context);
					await().atMost(HandlerContexts.patience()).until(() -> status(health, "readiness") == Status.UP);
					Map<String, Object> up = details(health, "nats/connection");
					assertThat(up).containsEntry("state", "CONNECTED")
						.containsEntry("server", plainUrl)
						.containsKeys("version", "streams", "consumers");

					server.stop();

					await().atMost(HandlerContexts.patience())
						.until(() -> status(health, "nats/connection") == Status.DOWN);
					Map<String, Object> down = details(health, "nats/connection");
					assertThat(down.get("state")).isIn("RECONNECTING", "DISCONNECTED");
					assertThat(down.get("server")).isEqualTo(plainUrl);
					assertThat(status(health, "readiness")).isEqualTo(Status.DOWN);
					assertThat(status(health, "liveness")).isEqualTo(Status.UP);
					assertThat(health.health().toString()).doesNotContain("s3cret").doesNotContain("alice");

					server.start();

					await().atMost(HandlerContexts.patience())
						.until(() -> status(health, "nats/connection") == Status.UP);
					await().atMost(HandlerContexts.patience()).until(() -> status(health, "readiness") == Status.UP);
				});
		}
	}

	@Test
	void aHandlerWhoseWorkerDiesIsDownUntilItRunsAgainAndLosesNothing() {
		FaultInjectingJetStream faults = new FaultInjectingJetStream();
		CountingHandler handler = new CountingHandler();
		runner(nats.server())
			.withBean("faultInjection", BeanPostProcessor.class, () -> new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof JetStream jetStream) ? faults.wrap(jetStream) : bean;
				}

			})
			.withPropertyValues("nats.jetstream.streams.HEALTH_FAULT.subjects=healthfault.>",
					"handler.subject=healthfault.*")
			.withBean("healthHandler", CountingHandler.class, () -> handler)
			.run((context) -> {
				HealthEndpoint health = context.getBean(HealthEndpoint.class);
				JetStream jetStream = context.getBean(JetStream.class);
				for (int i = 0; i < 10; i++) {
					HandlerContexts.publish(jetStream, "healthfault.a", "before-" + i);
				}
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 10);
				assertThat(status(health, HANDLER)).isEqualTo(Status.UP);

				faults.failingPulls.set(3);
				for (int i = 0; i < 10; i++) {
					HandlerContexts.publish(jetStream, "healthfault.a", "after-" + i);
				}

				await().atMost(HandlerContexts.patience()).until(() -> status(health, HANDLER) == Status.DOWN);
				List<?> workers = (List<?>) details(health, HANDLER).get("workers");
				assertThat(workers).singleElement()
					.asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsEntry("state", "failing")
					.hasEntrySatisfying("lastFailure", (failure) -> assertThat(failure).asString()
						.contains("Injected fault"));
				assertThat(status(health, "nats")).isEqualTo(Status.DOWN);
				await().atMost(HandlerContexts.patience()).until(() -> status(health, HANDLER) == Status.UP);
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() >= 20);
				assertThat(handler.handled).hasSize(20).doesNotHaveDuplicates();
			});
	}

	@Test
	void aHandlerStarvedByAStuckConsumerIsStalledUntilMessagesFlowAgain() {
		CountDownLatch release = new CountDownLatch(1);
		BlockingHandler one = new BlockingHandler(release);
		BlockingHandler two = new BlockingHandler(release);
		ApplicationContextRunner runner = runner(nats.server()).withPropertyValues(
				"nats.jetstream.streams.HEALTH_STALL.subjects=healthstall.>", "handler.subject=healthstall.*",
				"nats.jetstream.handlers.health-handler.max-ack-pending=1", "nats.jetstream.health.stall-after=1s");
		try {
			runner.withBean("blockingHandler", BlockingHandler.class, () -> one)
				.run((first) -> runner.withBean("blockingHandler", BlockingHandler.class, () -> two).run((second) -> {
					HealthEndpoint firstHealth = first.getBean(HealthEndpoint.class);
					HealthEndpoint secondHealth = second.getBean(HealthEndpoint.class);
					JetStream jetStream = first.getBean(JetStream.class);
					HandlerContexts.publish(jetStream, "healthstall.a", "stuck");
					HandlerContexts.publish(jetStream, "healthstall.a", "next");
					await().atMost(HandlerContexts.patience()).until(() -> one.started() || two.started());

					// One instance holds the only message the consumer may have out; the other
					// gets nothing while a message waits: both are stalled.
					await().atMost(HandlerContexts.patience())
						.until(() -> status(firstHealth, HANDLER) == Status.DOWN
								&& status(secondHealth, HANDLER) == Status.DOWN);
					for (HealthEndpoint health : List.of(firstHealth, secondHealth)) {
						assertThat(details(health, HANDLER)).containsEntry("state", "running")
							.containsEntry("stalled", true)
							.containsEntry("stallAfter", "PT1S");
					}

					release.countDown();

					await().atMost(HandlerContexts.patience())
						.until(() -> one.finished.size() + two.finished.size() == 2);
					await().atMost(HandlerContexts.patience())
						.until(() -> status(firstHealth, HANDLER) == Status.UP
								&& status(secondHealth, HANDLER) == Status.UP);
					assertThat(details(firstHealth, HANDLER)).containsEntry("stalled", false);
				}));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	@EnabledOnNatsServer(atLeast = "2.11")
	void aConsumerPausedOnTheServerFromOutsideIsReportedPausedAndUp() {
		CountingHandler handler = new CountingHandler();
		runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.HEALTH_PAUSE.subjects=healthpause.>",
					"handler.subject=healthpause.*", "nats.jetstream.health.stall-after=1s")
			.withBean("healthHandler", CountingHandler.class, () -> handler)
			.run((context) -> {
				HealthEndpoint health = context.getBean(HealthEndpoint.class);
				JetStream jetStream = context.getBean(JetStream.class);
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				HandlerContexts.publish(jetStream, "healthpause.a", "m0");
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 1);

				management.pauseConsumer("HEALTH_PAUSE", "health-durable", ZonedDateTime.now().plusHours(1));
				HandlerContexts.publish(jetStream, "healthpause.a", "m1");

				await().atMost(HandlerContexts.patience())
					.until(() -> "paused".equals(details(health, HANDLER).get("state")));
				assertThat(details(health, HANDLER)).containsEntry("pausedOnServer", true)
					.containsEntry("stalled", false);
				assertThat(status(health, HANDLER)).isEqualTo(Status.UP);
				assertThat(handler.handled).containsExactly("m0");

				management.resumeConsumer("HEALTH_PAUSE", "health-durable");

				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 2);
				await().atMost(HandlerContexts.patience())
					.until(() -> "running".equals(details(health, HANDLER).get("state")));
			});
	}

	private static ApplicationContextRunner runner(NatsServer server) {
		return HandlerContexts.runner(server)
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
					AvailabilityProbesAutoConfiguration.class, NatsHealthContributorAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-details=always",
					"nats.jetstream.consumer-statistics.interval=200ms", "nats.jetstream.health.cache-time-to-live=1s");
	}

	private static void markAvailable(AssertableApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private static Status status(HealthEndpoint health, String path) {
		HealthDescriptor descriptor = health.healthForPath(path.split("/"));
		return (descriptor != null) ? descriptor.getStatus() : Status.UNKNOWN;
	}

	private static Map<String, Object> details(HealthEndpoint health, String path) {
		return ((IndicatedHealthDescriptor) health.healthForPath(path.split("/"))).getDetails();
	}

	static class CountingHandler {

		final List<String> handled = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "${handler.subject}", id = "health-handler", durable = "health-durable")
		void on(String payload) {
			this.handled.add(payload);
		}

	}

	static class BlockingHandler {

		private final CountDownLatch release;

		final List<String> startedPayloads = new CopyOnWriteArrayList<>();

		final List<String> finished = new CopyOnWriteArrayList<>();

		BlockingHandler(CountDownLatch release) {
			this.release = release;
		}

		boolean started() {
			return !this.startedPayloads.isEmpty();
		}

		@NatsHandler(value = "${handler.subject}", id = "health-handler", durable = "health-durable")
		void on(String payload) throws InterruptedException {
			this.startedPayloads.add(payload);
			this.release.await(60, TimeUnit.SECONDS);
			this.finished.add(payload);
		}

	}

}

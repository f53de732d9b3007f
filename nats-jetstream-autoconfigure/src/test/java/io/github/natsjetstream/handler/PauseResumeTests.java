package io.github.natsjetstream.handler;

import java.time.Duration;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.listener.HandlerState;
import io.github.natsjetstream.listener.HandlerStatusResolver;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Pausing and resuming handlers through the registry: a paused handler handles nothing,
 * keeps its durable and loses nothing; on servers that support it (2.11 and later) the
 * pause reaches every instance through the server.
 */
class PauseResumeTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static final String ID = "pausable";

	@Test
	void aPausedHandlerHandlesNothingUntilResumedAndThenEverythingOnce() {
		MessageCounter counter = new MessageCounter();
		runner("PAUSE_ONE", "pauseone").withBean("pausableHandler", PausableHandler.class,
				() -> new PausableHandler(counter))
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				NatsHandlerContainerRegistry registry = context.getBean(NatsHandlerContainerRegistry.class);
				publish(jetStream, "pauseone.a", 0, 5);
				await().atMost(HandlerContexts.patience()).until(() -> counter.total() == 5);

				registry.pause(ID);

				NatsHandlerContainer container = registry.getContainer(ID);
				assertThat(container.isPaused()).isTrue();
				assertThat(container.isRunning()).isTrue();
				publish(jetStream, "pauseone.a", 5, 15);
				await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> counter.total() == 5);
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				assertThat(management.getConsumerInfo("PAUSE_ONE", "pausable-durable").getNumPending()).isEqualTo(10);
				assertThat(state(context)).isEqualTo(HandlerState.PAUSED);

				registry.resume(ID);

				await().atMost(HandlerContexts.patience()).until(() -> counter.handledAll(15));
				assertThat(counter.total()).isEqualTo(15);
				assertThat(counter.duplicates()).isZero();
				assertThat(container.isPaused()).isFalse();
				assertThat(state(context)).isEqualTo(HandlerState.RUNNING);
			});
	}

	@Test
	void pausingOrResumingAnUnknownHandlerNamesTheHandlers() {
		runner("PAUSE_UNKNOWN", "pauseunknown")
			.withBean("pausableHandler", PausableHandler.class, () -> new PausableHandler(new MessageCounter()))
			.run((context) -> {
				NatsHandlerContainerRegistry registry = context.getBean(NatsHandlerContainerRegistry.class);
				assertThatIllegalArgumentException().isThrownBy(() -> registry.pause("nope"))
					.withMessage("No handler with id 'nope'; the handlers are [pausable]");
				assertThatIllegalArgumentException().isThrownBy(() -> registry.resume("nope"))
					.withMessageContaining("No handler with id 'nope'");
			});
	}

	@Test
	@EnabledOnNatsServer(below = "2.11", reason = "consumers can be paused on the server from 2.11")
	void onServersWithoutConsumerPauseThePauseStaysInTheInstance() {
		MessageCounter counter = new MessageCounter();
		runner("PAUSE_LOCAL", "pauselocal")
			.withBean("pausableHandler", PausableHandler.class, () -> new PausableHandler(counter))
			.run((context) -> {
				NatsHandlerContainerRegistry registry = context.getBean(NatsHandlerContainerRegistry.class);
				JetStreamManagement management = context.getBean(JetStreamManagement.class);

				registry.pause(ID);

				assertThat(management.getConsumerInfo("PAUSE_LOCAL", "pausable-durable").getPaused()).isFalse();
				publish(context.getBean(JetStream.class), "pauselocal.a", 0, 3);
				await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> counter.total() == 0);

				registry.resume(ID);

				await().atMost(HandlerContexts.patience()).until(() -> counter.handledAll(3));
			});
	}

	@Test
	@EnabledOnNatsServer(atLeast = "2.11")
	void onServersWithConsumerPauseEveryInstancePausesAndResumesFollowingTheServer() {
		MessageCounter counter = new MessageCounter();
		ApplicationContextRunner runner = runner("PAUSE_ALL", "pauseall");
		runner.withBean("pausableHandler", PausableHandler.class, () -> new PausableHandler(counter))
			.run((first) -> runner.withBean("pausableHandler", PausableHandler.class, () -> new PausableHandler(counter))
				.run((second) -> {
					JetStreamManagement management = first.getBean(JetStreamManagement.class);

					first.getBean(NatsHandlerContainerRegistry.class).pause(ID);

					assertThat(management.getConsumerInfo("PAUSE_ALL", "pausable-durable").getPaused()).isTrue();
					await().atMost(HandlerContexts.patience()).until(() -> state(second) == HandlerState.PAUSED);
					publish(first.getBean(JetStream.class), "pauseall.a", 0, 10);
					await().during(Duration.ofSeconds(2))
						.atMost(Duration.ofSeconds(5))
						.until(() -> counter.total() == 0);

					// Resumed by the other instance: the first follows the server.
					second.getBean(NatsHandlerContainerRegistry.class).resume(ID);

					assertThat(management.getConsumerInfo("PAUSE_ALL", "pausable-durable").getPaused()).isFalse();
					await().atMost(HandlerContexts.patience()).until(() -> counter.handledAll(10));
					NatsHandlerContainer firstContainer = first.getBean(NatsHandlerContainerRegistry.class)
						.getContainer(ID);
					await().atMost(HandlerContexts.patience()).until(() -> !firstContainer.isPaused());
					assertThat(counter.total()).isEqualTo(10);
					assertThat(counter.duplicates()).isZero();
					await().atMost(HandlerContexts.patience()).until(() -> state(second) == HandlerState.RUNNING);
				}));
	}

	private static ApplicationContextRunner runner(String stream, String subjectPrefix) {
		return HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams." + stream + ".subjects=" + subjectPrefix + ".>",
					"handler.subject=" + subjectPrefix + ".*", "nats.jetstream.consumer-statistics.interval=200ms");
	}

	private static HandlerState state(AssertableApplicationContext context) {
		NatsHandlerContainer container = context.getBean(NatsHandlerContainerRegistry.class).getContainer(ID);
		return context.getBean(HandlerStatusResolver.class).resolve(container).state();
	}

	private static void publish(JetStream jetStream, String subject, int from, int to) throws Exception {
		for (int i = from; i < to; i++) {
			HandlerContexts.publish(jetStream, subject, "m" + i);
		}
	}

	static class PausableHandler {

		private final MessageCounter counter;

		PausableHandler(MessageCounter counter) {
			this.counter = counter;
		}

		@NatsHandler(value = "${handler.subject}", id = ID, durable = "pausable-durable")
		void on(String payload) {
			this.counter.handled(payload);
		}

	}

}

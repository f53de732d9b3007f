package io.github.natsjetstream.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.listener.WorkerState;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.retry.ErrorClassifier;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults under the handler containers: a client that fails under a worker, an
 * acknowledgement that cannot be sent, an error classifier that throws, and a stop that
 * begins while handlers still run.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContainerFaultTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void aWorkerWhoseClientFailsIsRestartedReportedAndLosesNothing(CapturedOutput output) {
		FaultInjectingJetStream faults = new FaultInjectingJetStream();
		CountingHandler handler = new CountingHandler();
		runner(faults).withPropertyValues("nats.jetstream.streams.RESTART.subjects=restart.>", "handler.subject=restart.*")
			.withBean("countingHandler", CountingHandler.class, () -> handler)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				for (int i = 0; i < 20; i++) {
					HandlerContexts.publish(jetStream, "restart.a", "before-" + i);
				}
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 20);
				NatsHandlerContainer container = context.getBean(NatsHandlerContainerRegistry.class)
					.getContainer("countingHandler-on");
				int subscriptionsBefore = faults.subscriptions.get();
				faults.failingPulls.set(3);
				for (int i = 0; i < 20; i++) {
					HandlerContexts.publish(jetStream, "restart.a", "after-" + i);
				}
				await().atMost(HandlerContexts.patience())
					.until(() -> container.getWorkerStates().stream().anyMatch(WorkerState::failing));
				WorkerState failing = container.getWorkerStates().get(0);
				assertThat(failing.lastFailure()).contains("Injected fault");
				assertThat(failing.failingSince()).isNotNull();
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() >= 40);
				await().atMost(HandlerContexts.patience())
					.until(() -> container.getWorkerStates().stream().noneMatch(WorkerState::failing));
				assertThat(faults.subscriptions.get()).isGreaterThan(subscriptionsBefore);
				assertThat(handler.handled).containsAll(List.of("after-0", "after-19")).doesNotHaveDuplicates();
				assertThat(container.isRunning()).isTrue();
			});
		assertThat(output).contains("Worker countingHandler-on-0 failed and restarts in")
			.contains("Worker countingHandler-on-0 runs again after");
		assertThat(output.toString().split("Worker countingHandler-on-0 failed and restarts in", -1)).hasSize(2);
	}

	@Test
	void anAcknowledgementThatCannotBeSentIsNotTheHandlersFailure(CapturedOutput output) {
		FaultInjectingJetStream faults = new FaultInjectingJetStream();
		CountingHandler handler = new CountingHandler();
		faults.failingAcks.set(1);
		runner(faults)
			.withPropertyValues("nats.jetstream.streams.ACKFAIL.subjects=ackfail.>", "handler.subject=ackfail.*",
					"nats.jetstream.handlers.countingHandler-on.max-deliver=1",
					"nats.jetstream.handlers.countingHandler-on.ack-wait=2s")
			.withBean("countingHandler", CountingHandler.class, () -> handler)
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "ackfail.a", "once");
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				MessageInfo deadLetter = await().atMost(HandlerContexts.patience())
					.ignoreExceptions()
					.until(() -> management.getLastMessage("DLQ_TESTS",
							"dlqtests.ACKFAIL.handler-tests-countingHandler-on"), (info) -> info != null);
				// Handled once; redelivered after the ack wait, then given up on as delivered
				// too often, never as a failure of the handler.
				assertThat(handler.handled).containsExactly("once");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("max-deliver");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.EXCEPTION_MESSAGE)).isNull();
			});
		assertThat(output).contains("Worker countingHandler-on-0 handled message ackfail.a but could not acknowledge it");
	}

	@Test
	void anErrorClassifierThatThrowsLeavesTheFailureRetried(CapturedOutput output) {
		FlakyHandler handler = new FlakyHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.CLASSIFY.subjects=classify.>",
					"nats.jetstream.handlers.flakyHandler-on.error-classifier=brokenClassifier",
					"nats.jetstream.handlers.flakyHandler-on.backoff=100ms")
			.withBean("flakyHandler", FlakyHandler.class, () -> handler)
			.withBean("brokenClassifier", ErrorClassifier.class, () -> (failure) -> {
				throw new IllegalStateException("classifier bug");
			})
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "classify.a", "x");
				await().atMost(HandlerContexts.patience()).until(() -> handler.attempts.get() == 2);
			});
		assertThat(output).contains("The error classifier of handler FlakyHandler.on(String) threw")
			.doesNotContain("could not acknowledge");
	}

	@Test
	void handlersRunningWhenAStopBeginsKeepTheirMessagesUntilTheyFinish() {
		SlowHandler one = new SlowHandler();
		SlowHandler two = new SlowHandler();
		ApplicationContextRunner runner = HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.KEEP_ALIVE.subjects=keepalive.>", "handler.subject=keepalive.*",
					"nats.jetstream.handlers.slowHandler-on.ack-wait=1s",
					"nats.jetstream.handlers.slowHandler-on.max-ack-pending=1");
		runner.withBean("slowHandler", SlowHandler.class, () -> one)
			.run((first) -> runner.withBean("slowHandler", SlowHandler.class, () -> two).run((second) -> {
				HandlerContexts.publish(first.getBean(JetStream.class), "keepalive.a", "long");
				await().atMost(HandlerContexts.patience()).until(() -> one.started() || two.started());
				SlowHandler handling = one.started() ? one : two;
				SlowHandler other = (handling == one) ? two : one;
				ConfigurableApplicationContext stopping = ((handling == one) ? first : second)
					.getSourceApplicationContext();
				// The stop begins while the handler still runs for four ack waits.
				Thread closer = new Thread(stopping::close);
				closer.start();
				closer.join(TimeUnit.SECONDS.toMillis(30));
				assertThat(handling.finished).containsExactly("long");
				assertThat(other.startedPayloads).isEmpty();
			}));
	}

	@Test
	void aSlowServerDelaysNeitherKeepAlivesNorAStop() {
		FaultInjectingJetStream faults = new FaultInjectingJetStream();
		SlowHandler slow = new SlowHandler();
		runner(faults)
			.withPropertyValues("nats.jetstream.streams.SLOWCHECK.subjects=slowcheck.>", "handler.subject=slowcheck.a",
					"nats.jetstream.handlers.slowHandler-on.ack-wait=1s")
			.withBean("slowHandler", SlowHandler.class, () -> slow)
			.withBean("idleHandler", IdleHandler.class, IdleHandler::new)
			.run((context) -> {
				// A paused handler checks its consumer every few seconds (was it resumed on the
				// server?); those checks now wait on the server for ever.
				NatsHandlerContainer idle = context.getBean(NatsHandlerContainerRegistry.class)
					.getContainer("idleHandler-on");
				idle.pause();
				CountDownLatch gate = new CountDownLatch(1);
				faults.consumerInfoGate = gate;
				try (Connection observer = HandlerContexts.connect(nats.server())) {
					await().atMost(HandlerContexts.patience()).until(() -> faults.heldConsumerInfos.get() > 0);
					HandlerContexts.publish(observer.jetStream(), "slowcheck.a", "long");
					await().atMost(HandlerContexts.patience()).until(() -> slow.finished.contains("long"));
					await().atMost(HandlerContexts.patience())
						.until(() -> observer.jetStreamManagement()
							.getConsumerInfo("SLOWCHECK", "handler-tests-slowHandler-on")
							.getNumAckPending() == 0);
					// Kept alive through four ack waits: never redelivered.
					assertThat(observer.jetStreamManagement()
						.getConsumerInfo("SLOWCHECK", "handler-tests-slowHandler-on")
						.getRedelivered()).isZero();
					assertThat(slow.startedPayloads).containsExactly("long");
					Thread stopper = new Thread(idle::stop);
					stopper.start();
					stopper.join(HandlerContexts.patience().toMillis());
					assertThat(stopper.isAlive()).isFalse();
					assertThat(idle.isRunning()).isFalse();
				}
				finally {
					faults.consumerInfoGate = null;
					gate.countDown();
				}
			});
	}

	private static ApplicationContextRunner runner(FaultInjectingJetStream faults) {
		return HandlerContexts.runner(nats.server())
			.withBean("faultInjection", BeanPostProcessor.class, () -> new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof JetStream jetStream) {
						return faults.wrap(jetStream);
					}
					if (bean instanceof Connection connection) {
						return faults.wrap(connection);
					}
					return (bean instanceof JetStreamManagement management) ? faults.wrap(management) : bean;
				}

			});
	}

	static class CountingHandler {

		final List<String> handled = new CopyOnWriteArrayList<>();

		@NatsHandler("${handler.subject}")
		void on(String payload) {
			this.handled.add(payload);
		}

	}

	static class FlakyHandler {

		final AtomicInteger attempts = new AtomicInteger();

		@NatsHandler("classify.*")
		void on(String payload) {
			if (this.attempts.incrementAndGet() == 1) {
				throw new IllegalArgumentException("first attempt fails");
			}
		}

	}

	static class IdleHandler {

		@NatsHandler("slowcheck.b")
		void on(String payload) {
		}

	}

	static class SlowHandler {

		final List<String> startedPayloads = new CopyOnWriteArrayList<>();

		final List<String> finished = new CopyOnWriteArrayList<>();

		boolean started() {
			return !this.startedPayloads.isEmpty();
		}

		@NatsHandler("${handler.subject}")
		void on(String payload) throws InterruptedException {
			this.startedPayloads.add(payload);
			// Works for four ack waits, as a long handler would.
			new CountDownLatch(1).await(4, TimeUnit.SECONDS);
			this.finished.add(payload);
		}

	}

}

package io.github.natsjetstream.handler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.handler.IdleHandlerTests.PullRequests;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idle handlers on virtual threads: a worker whose wait ended without a message goes on
 * on a fresh virtual thread, with the same subscription and pulls, so that it parks with
 * one copy of its stack on the heap. Its long pull is sent from the fresh thread, a
 * message is handled there as soon as it comes, and a stopping instance still ends its
 * long pull. Runs on Java 21 and later.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualIdleHandlerTests {

	private static final String FIRST_WORKER_THREAD = "nats-idler-1";

	@Test
	void anIdleVirtualWorkerGoesOnOnAFreshThreadAndHandlesAMessageAsSoonAsItComes() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			PullRequests pulls = new PullRequests(connection);
			List<String> handled = new CopyOnWriteArrayList<>();
			List<Thread> threads = new CopyOnWriteArrayList<>();
			runner(server).withBean(Idler.class, () -> new Idler(handled, threads)).run((context) -> {
				assertThat(context).hasNotFailed();
				// The long pull comes once the first, short one ended without a message.
				await().atMost(HandlerContexts.patience()).until(() -> pulls.longPullsFrom() >= 1);
				HandlerContexts.publish(connection.jetStream(), "idle.one", "one");
				// Well within the 30s expiry of the long pull.
				await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("one"));
			});
			assertThat(threads).singleElement().satisfies((thread) -> {
				assertThat(isVirtual(thread)).isTrue();
				assertThat(thread.getName()).startsWith("nats-idler-").isNotEqualTo(FIRST_WORKER_THREAD);
			});
			// One subscription sent every long pull: the fresh thread kept it.
			assertThat(pulls.longPullsFrom()).isEqualTo(1);
		}
	}

	@Test
	void aStoppingIdleVirtualInstanceEndsItsLongPullSoThatTheOtherGetsEveryMessageAtOnce() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			PullRequests pulls = new PullRequests(connection);
			List<String> remaining = new CopyOnWriteArrayList<>();
			List<String> stopped = new CopyOnWriteArrayList<>();
			List<Thread> threads = new CopyOnWriteArrayList<>();
			runner(server).withBean(Idler.class, () -> new Idler(remaining, threads)).run((staying) -> {
				assertThat(staying).hasNotFailed();
				runner(server).withBean(Idler.class, () -> new Idler(stopped, threads)).run((stopping) -> {
					assertThat(stopping).hasNotFailed();
					await().atMost(HandlerContexts.patience()).until(() -> pulls.longPullsFrom() >= 2);
				});
				JetStream jetStream = connection.jetStream();
				for (int i = 0; i < 20; i++) {
					HandlerContexts.publish(jetStream, "idle.order", "order-" + i);
				}
				// A long pull left on the server would take some of them for the 30s ack wait.
				await().atMost(Duration.ofSeconds(10)).until(() -> remaining.size() == 20);
				assertThat(stopped).isEmpty();
			});
		}
	}

	/**
	 * Return whether a thread is virtual ({@code Thread.isVirtual()}, Java 21, while the
	 * tests compile for Java 17).
	 */
	private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}

	private static ApplicationContextRunner runner(NatsServer server) {
		return HandlerContexts.runner(server)
			.withPropertyValues("nats.jetstream.streams.IDLE.subjects=idle.>", "spring.threads.virtual.enabled=true");
	}

	static class Idler {

		private final List<String> handled;

		private final List<Thread> threads;

		Idler(List<String> handled, List<Thread> threads) {
			this.handled = handled;
			this.threads = threads;
		}

		@NatsHandler(value = "idle.*", id = "idler", durable = "idler")
		void on(String payload) {
			this.handled.add(payload);
			if (!this.threads.contains(Thread.currentThread())) {
				this.threads.add(Thread.currentThread());
			}
		}

	}

}

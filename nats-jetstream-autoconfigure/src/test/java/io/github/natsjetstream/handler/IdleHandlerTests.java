package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.Message;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idle handlers park: they hold no thread, and their long pulls, which the server answers
 * as soon as a message comes, are answered on the connection's dispatcher and sent again
 * there when the server ends them. A stopping instance ends its long pull rather than
 * leave it to take messages it will never handle. The pulls are seen from the server's
 * side: a plain connection subscribed to the consumer's next-message subject receives
 * every pull request.
 */
class IdleHandlerTests {

	/**
	 * The expiry of a pull, in nanoseconds: a long pull's is 15 to 30 seconds, as it ends
	 * with every other idle worker's; a short pull's is a second.
	 */
	private static final Pattern EXPIRES = Pattern.compile("\"expires\":(\\d+)");

	private static final long LONG_PULL_AT_LEAST = Duration.ofSeconds(15).toNanos();

	@Test
	void anIdleHandlerSendsLongPullsAndHandlesAMessageAsSoonAsItComes() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			PullRequests pulls = new PullRequests(connection);
			List<String> handled = new CopyOnWriteArrayList<>();
			runner(server).withBean(Idler.class, () -> new Idler(handled)).run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(HandlerContexts.patience()).until(() -> pulls.longPullsFrom() >= 1);
				HandlerContexts.publish(connection.jetStream(), "idle.one", "one");
				// Well within the expiry of the long pull (at least 15s).
				await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("one"));
			});
		}
	}

	@Test
	void anIdleHandlerHoldsNoThreadAndItsLongPullsAreSentAgainWithoutOne() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			PullRequests pulls = new PullRequests(connection);
			List<String> handled = new CopyOnWriteArrayList<>();
			runner(server).withBean(Idler.class, () -> new Idler(handled)).run((context) -> {
				assertThat(context).hasNotFailed();
				// The server ends a long pull within 30s, and the next one goes from the same inbox.
				await().atMost(Duration.ofSeconds(45)).until(() -> pulls.mostLongPullsFromOne() >= 2);
				assertThat(workerThreads()).isEmpty();
				HandlerContexts.publish(connection.jetStream(), "idle.two", "two");
				await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("two"));
				// Idle again: the worker parks, and its thread ends.
				await().atMost(HandlerContexts.patience()).until(() -> workerThreads().isEmpty());
				HandlerContexts.publish(connection.jetStream(), "idle.three", "three");
				await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("three"));
			});
		}
	}

	@Test
	void aStoppedIdleHandlerEndsItsLongPullWhileItsConnectionStaysOpen() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			PullRequests pulls = new PullRequests(connection);
			List<String> remaining = new CopyOnWriteArrayList<>();
			List<String> stopped = new CopyOnWriteArrayList<>();
			runner(server).withBean(DeliveryCounter.class, () -> new DeliveryCounter(remaining)).run((staying) -> {
				assertThat(staying).hasNotFailed();
				runner(server).withBean(DeliveryCounter.class, () -> new DeliveryCounter(stopped)).run((stopping) -> {
					assertThat(stopping).hasNotFailed();
					await().atMost(HandlerContexts.patience()).until(() -> pulls.longPullsFrom() >= 2);
					stopping.getBean(NatsHandlerContainerRegistry.class).getContainer("idler").stop();
					JetStream jetStream = connection.jetStream();
					for (int i = 0; i < 20; i++) {
						HandlerContexts.publish(jetStream, "idle.order", "order-" + i);
					}
					// Each delivered once: none went to the stopped handler's long pull first.
					await().atMost(Duration.ofSeconds(10)).until(() -> remaining.size() == 20);
					assertThat(remaining).allMatch((handled) -> handled.endsWith("#1"));
					assertThat(stopped).isEmpty();
				});
			});
		}
	}

	@Test
	void anIdleHandlerPullsAgainAsSoonAsTheClientIsBackOnARestartedServer() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			List<String> handled = new CopyOnWriteArrayList<>();
			runner(server).withBean(Idler.class, () -> new Idler(handled)).run((context) -> {
				assertThat(context).hasNotFailed();
				try (Connection before = HandlerContexts.connect(server)) {
					PullRequests pulls = new PullRequests(before);
					await().atMost(HandlerContexts.patience()).until(() -> pulls.longPullsFrom() >= 1);
				}
				// The restarted server holds none of the pulls sent before.
				server.restart();
				Connection application = context.getBean(Connection.class);
				await().atMost(HandlerContexts.patience())
					.until(() -> application.getStatus() == Connection.Status.CONNECTED);
				try (Connection after = HandlerContexts.connect(server)) {
					HandlerContexts.publish(after.jetStream(), "idle.after-restart", "after-restart");
					// Well within the 30s expiry of the long pull lost with the server.
					await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("after-restart"));
				}
			});
		}
	}

	private static ApplicationContextRunner runner(NatsServer server) {
		return HandlerContexts.runner(server).withPropertyValues("nats.jetstream.streams.IDLE.subjects=idle.>");
	}

	/**
	 * Records the pull requests sent for the handler's consumer.
	 */
	static final class PullRequests {

		private final Map<String, AtomicInteger> longPullRepliers = new ConcurrentHashMap<>();

		PullRequests(Connection connection) throws Exception {
			Dispatcher dispatcher = connection.createDispatcher((message) -> {
				String request = new String(message.getData(), StandardCharsets.UTF_8);
				Matcher expires = EXPIRES.matcher(request);
				if (expires.find() && Long.parseLong(expires.group(1)) >= LONG_PULL_AT_LEAST) {
					// A parked worker's long pulls name its own inbox; jnats numbers each pull of a
					// subscription in a last token of the subscription's inbox.
					this.longPullRepliers
						.computeIfAbsent(message.getReplyTo().replaceFirst("\\.\\d+$", ""), (key) -> new AtomicInteger())
						.incrementAndGet();
				}
			});
			dispatcher.subscribe("$JS.API.CONSUMER.MSG.NEXT.IDLE.idler");
			connection.flush(Duration.ofSeconds(5));
		}

		/**
		 * Return how many subscriptions sent a long pull.
		 */
		int longPullsFrom() {
			return this.longPullRepliers.size();
		}

		/**
		 * Return the most long pulls one inbox sent.
		 */
		int mostLongPullsFromOne() {
			return this.longPullRepliers.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
		}

	}

	/**
	 * Return the live threads of the handler's workers (platform threads, named after
	 * the handler).
	 */
	private static List<Thread> workerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("nats-idler-") && thread.isAlive())
			.toList();
	}

	static class DeliveryCounter {

		private final List<String> handled;

		DeliveryCounter(List<String> handled) {
			this.handled = handled;
		}

		@NatsHandler(value = "idle.*", id = "idler", durable = "idler")
		void on(Message message) {
			this.handled.add(new String(message.getData(), StandardCharsets.UTF_8) + "#"
					+ message.metaData().deliveredCount());
		}

	}

	static class Idler {

		private final List<String> handled;

		Idler(List<String> handled) {
			this.handled = handled;
		}

		@NatsHandler(value = "idle.*", id = "idler", durable = "idler")
		void on(String payload) {
			this.handled.add(payload);
		}

	}

}

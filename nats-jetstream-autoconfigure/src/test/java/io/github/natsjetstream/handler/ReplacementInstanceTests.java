package io.github.natsjetstream.handler;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance killed while holding what it pulled leaves room on the consumer for the
 * instance that replaces it: with default settings, one instance holds at most half of
 * max ack pending, so the replacement handles messages at once rather than after the
 * dead instance's ack wait (30 seconds).
 */
class ReplacementInstanceTests {

	static String[] properties(String url) {
		return new String[] { "nats.servers=" + url, "spring.application.name=replacement",
				"spring.docker.compose.enabled=false", "nats.jetstream.streams.HOLD.subjects=hold.>",
				"nats.jetstream.dead-letter.stream=DLQ_HOLD", "nats.jetstream.dead-letter.subjects=dlqhold.>",
				"nats.jetstream.dead-letter.subject=dlqhold.{stream}.{durable}" };
	}

	@Test
	void replacementOfAKilledInstanceHandlesMessagesBeforeTheAckWaitOfWhatTheDeadOneHeld(@TempDir Path dir)
			throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			Process holder = start(server, dir);
			JetStreamManagement management = connection.jetStreamManagement();
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> consumer(management) != null);
			JetStream jetStream = connection.jetStream();
			for (int i = 0; i < 3000; i++) {
				jetStream.publishAsync("hold.order", ("order-" + i).getBytes());
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> consumer(management).getNumPending() + consumer(management).getNumAckPending() == 3000);
			await().atMost(Duration.ofSeconds(60)).until(() -> consumer(management).getNumAckPending() > 0);
			holder.destroyForcibly().waitFor();
			List<String> handled = new CopyOnWriteArrayList<>();
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
						NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class))
				.withPropertyValues(properties(server.url()))
				.withBean("holdingHandler", Replacement.class, () -> new Replacement(handled))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					// Well within the 30s ack wait of the messages the dead instance held.
					await().atMost(Duration.ofSeconds(10)).until(() -> !handled.isEmpty());
				});
		}
	}

	private static ConsumerInfo consumer(JetStreamManagement management) throws Exception {
		return management.getConsumerInfo("HOLD", "holder");
	}

	private static Process start(NatsServer server, Path dir) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File log = dir.resolve("holder.log").toFile();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				HoldingHandlerApplication.class.getName(), server.url()));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	static class Replacement {

		private final List<String> handled;

		Replacement(List<String> handled) {
			this.handled = handled;
		}

		@NatsHandler(value = "hold.*", id = "holder", durable = "holder")
		void on(String payload) {
			this.handled.add(payload);
		}

	}

}

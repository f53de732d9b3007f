package io.github.natsjetstream.handler;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Processes that die while handling a message, run as child JVMs and restarted by the
 * test: the message still ends in the dead-letter stream, once.
 */
class CrashRecoveryTests {

	private static final String DURABLE = "crash-crashingHandler-on";

	private static final String DEAD_LETTER_SUBJECT = "dlqcrash.CRASH." + DURABLE;

	@Test
	void handlerKillingTheProcessOnEveryDeliveryStillReachesTheDeadLetterStream(@TempDir Path dir) throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			JetStreamManagement management = prepare(connection);
			connection.jetStream().publish("crash.order", "{}".getBytes());
			int crashes = 0;
			MessageInfo deadLetter = null;
			for (int run = 1; run <= 8 && deadLetter == null; run++) {
				Process process = start(server, "handler", dir, run);
				try {
					await().atMost(Duration.ofSeconds(60))
						.until(() -> !process.isAlive() || deadLetter(management) != null);
					if (!process.isAlive()) {
						assertThat(process.exitValue()).as(() -> output(dir)).isEqualTo(CrashingHandlerApplication.CRASH_EXIT_CODE);
						crashes++;
					}
					deadLetter = deadLetter(management);
				}
				finally {
					process.destroy();
					process.waitFor();
				}
			}
			assertThat(crashes).isEqualTo(3);
			assertThat(deadLetter).isNotNull();
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("max-deliver");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT)).isEqualTo("crash.order");
			assertThat(Long.parseLong(deadLetter.getHeaders().getFirst(DeadLetterHeaders.DELIVERIES))).isEqualTo(4);
			assertThat(management.getStreamInfo("DLQ_CRASH").getStreamState().getMsgCount()).isEqualTo(1);
		}
	}

	@Test
	void processDyingBetweenDeadLetterPublishAndTermLeavesOneDeadLetter(@TempDir Path dir) throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				Connection connection = HandlerContexts.connect(server)) {
			JetStreamManagement management = prepare(connection);
			connection.jetStream().publish("crash.order", "{}".getBytes());
			Process first = start(server, "after-dead-letter", dir, 1);
			assertThat(first.waitFor()).as(() -> output(dir)).isEqualTo(CrashingHandlerApplication.CRASH_EXIT_CODE);
			assertThat(deadLetter(management)).isNotNull();
			Process second = start(server, "after-dead-letter", dir, 2);
			try {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> management.getConsumerInfo("CRASH", DURABLE).getNumAckPending() == 0
							&& management.getConsumerInfo("CRASH", DURABLE).getDelivered().getStreamSequence() == 1
							&& management.getConsumerInfo("CRASH", DURABLE).getRedelivered() == 0
							&& management.getConsumerInfo("CRASH", DURABLE).getNumPending() == 0
							&& management.getConsumerInfo("CRASH", DURABLE).getDelivered().getConsumerSequence() >= 2);
			}
			finally {
				second.destroy();
				second.waitFor();
			}
			assertThat(management.getStreamInfo("DLQ_CRASH").getStreamState().getMsgCount()).isEqualTo(1);
		}
	}

	private static JetStreamManagement prepare(Connection connection) throws Exception {
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(
				StreamConfiguration.builder().name("CRASH").subjects("crash.>").storageType(StorageType.File).build());
		management.addStream(StreamConfiguration.builder().name("DLQ_CRASH").subjects("dlqcrash.>").build());
		return management;
	}

	private static @Nullable MessageInfo deadLetter(JetStreamManagement management) {
		try {
			return management.getLastMessage("DLQ_CRASH", DEAD_LETTER_SUBJECT);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static String output(Path dir) {
		try (var logs = java.nio.file.Files.list(dir)) {
			StringBuilder output = new StringBuilder("child output:\n");
			for (Path log : logs.filter((p) -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
				output.append(log.getFileName()).append(":\n").append(java.nio.file.Files.readString(log));
			}
			return output.toString();
		}
		catch (java.io.IOException ex) {
			return "child output unavailable: " + ex;
		}
	}

	private static Process start(NatsServer server, String mode, Path dir, int run) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File log = dir.resolve("child-" + mode + "-" + run + ".log").toFile();
		return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				CrashingHandlerApplication.class.getName(), server.url(), mode, dir.resolve("marker").toString()))
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
	}

}

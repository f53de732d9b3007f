package io.github.natsjetstream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsjetstream.test.NatsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios 1 and 2: the server goes away while an application consumes, gracefully
 * (SIGTERM, the server flushes its store) or by a crash (SIGKILL), and comes back on the
 * same port and the same store. Nothing acknowledged is lost; after a crash the server
 * may deliver again messages it had been told were handled.
 * <p>
 * Time to resume: from the fault until handling resumed after its longest pause
 * ({@link Ledger#resumedAfter}), the server's own down time included (reported apart).
 */
class ServerRestartScenarioTests {

	private static final int MESSAGES = Suite.messages(3_000, 20_000);

	@Test
	void gracefulRestartOfTheServerLosesNothing(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
		run(dir, "1-server-restart", NatsServer::restart);
	}

	@Test
	void crashOfTheServerLosesNothingAcknowledged(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
		run(dir, "2-server-kill", (server) -> {
			server.kill();
			server.start();
		});
	}

	private void run(Path dir, String scenario, Fault fault) throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				FaultRun run = new FaultRun(dir, server.url(), server.version().toString())) {
			run.createStreams(1);
			run.startInstance("app", "nats.jetstream.consumer-defaults.concurrency=2",
					"nats.jetstream.consumer-defaults.ack-wait=5s", "faults.work.duration=1ms")
				.awaitReady();
			Publisher publisher = run.publish(MESSAGES, 1_000);
			run.awaitHandlings(MESSAGES / 3);
			long faultAt = System.currentTimeMillis();
			fault.inject(server);
			long backAt = System.currentTimeMillis();
			BitSet acknowledged = publisher.awaitAcknowledged(Duration.ofMinutes(5));
			Ledger ledger = run.awaitSettled(acknowledged);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("serverDownMillis", backAt - faultAt);
			Figures figures = run.figures(scenario, ledger, acknowledged,
					ledger.resumedAfter(faultAt, MESSAGES) - faultAt, details);
			assertThat(figures.messages()).isEqualTo(MESSAGES);
			assertThat(figures.lost()).as(run::describe).isZero();
			assertThat(figures.deadLetters()).as(run::describe).isZero();
		}
	}

	@FunctionalInterface
	interface Fault {

		void inject(NatsServer server) throws Exception;

	}

}

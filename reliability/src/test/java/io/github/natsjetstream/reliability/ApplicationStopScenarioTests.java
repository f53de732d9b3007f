package io.github.natsjetstream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.test.NatsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 4: two instances share the durable; handlers are slow, some of them longer than
 * the ack wait (2s, 3s handlers every {@value #SLOW_EVERY}th message); one instance gets
 * SIGTERM while one of its slow handlers has run past its ack wait. While both run, no
 * message is handled twice: neither one a handler holds past its ack wait (in-progress
 * acknowledgements), nor one that waits its turn in a worker, nor one the stopping instance
 * finishes during its shutdown; what it pulled and did not start it returns, and the other
 * instance handles it.
 * <p>
 * No time to resume: the other instance consumes throughout. The time the stopped
 * instance took from SIGTERM to its exit is reported.
 */
class ApplicationStopScenarioTests {

	private static final int MESSAGES = Suite.messages(300, 2_000);

	private static final int SLOW_EVERY = 25;

	private static final Duration ACK_WAIT = Duration.ofSeconds(2);

	@Test
	void stoppedInstanceFinishesWhatItHoldsAndNothingIsHandledTwiceWhileBothRun(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				FaultRun run = new FaultRun(dir, server.url(), server.version().toString())) {
			run.createStreams(1);
			String[] properties = { "nats.jetstream.consumer-defaults.concurrency=2",
					"nats.jetstream.consumer-defaults.ack-wait=" + ACK_WAIT.toSeconds() + "s", "faults.work.duration=5ms",
					"faults.work.slow-duration=3s", "faults.work.slow-every=" + SLOW_EVERY };
			ApplicationInstance stopped = run.startInstance("a", properties);
			ApplicationInstance other = run.startInstance("b", properties);
			stopped.awaitReady();
			other.awaitReady();
			Publisher publisher = run.publish(MESSAGES, 200);
			run.awaitHandlings(MESSAGES / 5);
			await("a slow handler of instance a past its ack wait").atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> slowInHand(Ledger.read(dir), System.currentTimeMillis() - ACK_WAIT.toMillis()));
			long stopAt = System.currentTimeMillis();
			List<Long> inHandAtStop = Ledger.read(dir).inHand("a", stopAt);
			int exitCode = stopped.terminate(Duration.ofSeconds(60));
			BitSet acknowledged = publisher.awaitAcknowledged(Duration.ofMinutes(5));
			Ledger ledger = run.awaitSettled(acknowledged);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("stopMillis", stopped.exitedAt() - stopAt);
			details.put("inHandAtStop", inHandAtStop);
			details.put("handledTwiceWhileBothRan", ledger.handledTwiceBefore(stopped.exitedAt()).size());
			details.put("handledConcurrently", ledger.handledConcurrently().size());
			Figures figures = run.figures("4-application-stop", ledger, acknowledged, -1, details);
			assertThat(exitCode).as(run::describe).isIn(0, 143);
			assertThat(figures.lost()).as(run::describe).isZero();
			assertThat(figures.deadLetters()).as(run::describe).isZero();
			assertThat(ledger.handledTwiceBefore(stopped.exitedAt())).as(run::describe).isEmpty();
			assertThat(ledger.handledConcurrently()).as(run::describe).isEmpty();
			assertThat(inHandAtStop).as("what instance a held when stopped, it handled during its shutdown")
				.allMatch((id) -> ledger.handlings()
					.stream()
					.anyMatch((handling) -> handling.id() == id && handling.instance().equals("a")));
		}
	}

	private static boolean slowInHand(Ledger ledger, long startedBefore) {
		return ledger.inHand("a", startedBefore).stream().anyMatch((id) -> id % SLOW_EVERY == 0);
	}

}

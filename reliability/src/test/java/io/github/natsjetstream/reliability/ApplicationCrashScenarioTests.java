package io.github.natsjetstream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.natsjetstream.test.NatsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 6: the application is killed (SIGKILL) {@value #KILLS} times at random points of
 * a {@value #MESSAGES_FULL}-message stream, each time replaced by a new instance at once,
 * with the starter's defaults (ack wait 30s, max ack pending 1000). What a killed instance
 * held comes back after its ack wait; nothing acknowledged is lost; a message handled but
 * not yet acknowledged when its instance died is handled again.
 * <p>
 * Time to resume, for each kill: from the kill until the replacement starts its first
 * handling, the new JVM's startup included (reported apart: from the kill until the
 * application is ready, its handlers started a little before). The figure is the longest of
 * the five. A replacement can only start once the consumer lets it have messages: when two
 * instances died within one ack wait, what both held can fill max ack pending until the
 * older one's messages come back. The seed of the kill points is printed with the figures; set
 * {@code -Dreliability.seed} to repeat a run.
 */
@FullSuiteOnly
class ApplicationCrashScenarioTests {

	private static final int KILLS = 5;

	private static final int MESSAGES_FULL = 50_000;

	private static final int MESSAGES = Suite.messages(5_000, MESSAGES_FULL);

	@Test
	void applicationKilledFiveTimesLosesNothing(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
		long seed = Long.getLong("reliability.seed", System.nanoTime());
		List<Integer> killPoints = killPoints(new Random(seed));
		try (NatsServer server = NatsServer.builder().build().start();
				FaultRun run = new FaultRun(dir, server.url(), server.version().toString())) {
			run.createStreams(1);
			String[] properties = { "nats.jetstream.consumer-defaults.concurrency=2", "faults.work.duration=1ms" };
			ApplicationInstance current = run.startInstance("app-0", properties).awaitReady();
			Publisher publisher = run.publish(MESSAGES, 5_000);
			List<Long> resumeFromKill = new ArrayList<>();
			List<Long> startup = new ArrayList<>();
			List<long[]> kills = new ArrayList<>();
			for (int kill = 1; kill <= KILLS; kill++) {
				run.awaitHandlings(killPoints.get(kill - 1));
				long killedAt = System.currentTimeMillis();
				current.kill();
				current = run.startInstance("app-" + kill, properties).awaitReady();
				kills.add(new long[] { killedAt, System.currentTimeMillis() });
			}
			BitSet acknowledged = publisher.awaitAcknowledged(Duration.ofMinutes(10));
			Ledger ledger = run.awaitSettled(acknowledged);
			for (int kill = 1; kill <= KILLS; kill++) {
				long first = ledger.firstStartAfter(kills.get(kill - 1)[0], "app-" + kill);
				resumeFromKill.add(first - kills.get(kill - 1)[0]);
				startup.add(kills.get(kill - 1)[1] - kills.get(kill - 1)[0]);
			}
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("seed", seed);
			details.put("killedAtHandlings", killPoints);
			details.put("resumeFromKillMillis", resumeFromKill);
			details.put("replacementStartupMillis", startup);
			Figures figures = run.figures("6-application-kill", ledger, acknowledged,
					resumeFromKill.stream().mapToLong(Long::longValue).max().orElse(-1), details);
			assertThat(figures.lost()).as(run::describe).isZero();
			assertThat(figures.deadLetters()).as(run::describe).isZero();
		}
	}

	/**
	 * One kill point, in handlings, at random in each fifth of the middle of the stream.
	 */
	private static List<Integer> killPoints(Random random) {
		List<Integer> points = new ArrayList<>();
		int from = MESSAGES / 20;
		int slice = (MESSAGES * 9 / 10 - from) / KILLS;
		for (int kill = 0; kill < KILLS; kill++) {
			points.add(from + kill * slice + random.nextInt(slice));
		}
		return points;
	}

}

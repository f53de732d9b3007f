package io.github.natsjetstream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsjetstream.reliability.app.FaultHandler;
import io.github.natsjetstream.test.NatsCluster;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.api.ClusterInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 3: a three-node cluster, the stream with three replicas, and the node that leads
 * the stream killed (SIGKILL) while the application, connected to all three nodes,
 * consumes. The two others elect a new leader and the application goes on; nothing
 * acknowledged is lost.
 * <p>
 * Time to resume: from the kill until handling resumed after its longest pause
 * ({@link Ledger#resumedAfter}); the time until the stream had a new leader is reported
 * apart.
 */
@FullSuiteOnly
class LeaderLossScenarioTests {

	private static final int MESSAGES = Suite.messages(3_000, 20_000);

	@Test
	void lossOfTheStreamLeaderLosesNothingAcknowledged(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
		try (NatsCluster cluster = NatsCluster.start(3);
				FaultRun run = new FaultRun(dir, cluster.url(), cluster.version().toString())) {
			run.createStreams(3);
			run.startInstance("app", "nats.jetstream.consumer-defaults.concurrency=2",
					"nats.jetstream.consumer-defaults.ack-wait=5s", "faults.work.duration=1ms")
				.awaitReady();
			Publisher publisher = run.publish(MESSAGES, 1_000);
			run.awaitHandlings(MESSAGES / 3);
			String leader = streamLeader(run);
			NatsServer leaderNode = cluster.servers()
				.stream()
				.filter((server) -> leader.equals(server.serverName()))
				.findFirst()
				.orElseThrow();
			long killedAt = System.currentTimeMillis();
			leaderNode.kill();
			AtomicLong electedAt = new AtomicLong();
			await("a new stream leader").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(50))
				.ignoreExceptions()
				.until(() -> {
					String current = streamLeader(run);
					electedAt.set(System.currentTimeMillis());
					return current != null && !current.equals(leader);
				});
			BitSet acknowledged = publisher.awaitAcknowledged(Duration.ofMinutes(5));
			Ledger ledger = run.awaitSettled(acknowledged);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("killedLeader", leader);
			details.put("electionMillis", electedAt.get() - killedAt);
			Figures figures = run.figures("3-leader-kill", ledger, acknowledged,
					ledger.resumedAfter(killedAt, MESSAGES) - killedAt, details);
			assertThat(figures.lost()).as(run::describe).isZero();
			assertThat(figures.deadLetters()).as(run::describe).isZero();
		}
	}

	private static String streamLeader(FaultRun run) throws Exception {
		ClusterInfo cluster = run.connection().jetStreamManagement().getStreamInfo(FaultHandler.STREAM).getClusterInfo();
		return (cluster != null) ? cluster.getLeader() : null;
	}

}

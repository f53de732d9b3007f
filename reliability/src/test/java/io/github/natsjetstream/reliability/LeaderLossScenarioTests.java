package io.github.natsjetstream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsjetstream.reliability.app.FaultHandler;
import io.github.natsjetstream.test.NatsCluster;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.api.ClusterInfo;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 3: a three-node cluster, the stream with three replicas, and the node that leads
 * the stream killed (SIGKILL) while the application consumes, connected to that very node:
 * it lists the leader's URL first and connects to its servers in the order listed
 * ({@code faults.servers-in-order}), so one kill costs it its connection and the stream its
 * leader. The two other nodes elect a new leader, the application reconnects to one of
 * them and goes on; nothing acknowledged is lost.
 * <p>
 * Time to resume: from the kill until handling resumed after its longest pause
 * ({@link Ledger#resumedAfter}). Reported apart: the time until the stream had a new
 * leader, whether the killed node was the one the application was connected to (the leader
 * may have moved between the application's start and the kill), and if so the time until
 * the application's connection showed on another node.
 */
@FullSuiteOnly
class LeaderLossScenarioTests {

	private static final int MESSAGES = Suite.messages(3_000, 20_000);

	private static final String CONNECTION_NAME = "faults-app";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void lossOfTheStreamLeaderAndTheApplicationsNodeLosesNothingAcknowledged(
			@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
		try (NatsCluster cluster = NatsCluster.start(3);
				FaultRun run = new FaultRun(dir, cluster.url(), cluster.version().toString())) {
			run.createStreams(3);
			NatsServer initialLeader = node(cluster, awaitStreamLeader(run));
			List<String> leaderFirst = new ArrayList<>(List.of(initialLeader.url()));
			cluster.servers().stream().filter((node) -> node != initialLeader).forEach((node) -> leaderFirst.add(node.url()));
			run.startInstance("app", leaderFirst, "faults.servers-in-order=true", "nats.connection-name=" + CONNECTION_NAME,
					"nats.jetstream.consumer-defaults.concurrency=2", "nats.jetstream.consumer-defaults.ack-wait=5s",
					"faults.work.duration=1ms")
				.awaitReady();
			Publisher publisher = run.publish(MESSAGES, 1_000);
			run.awaitHandlings(MESSAGES / 3);
			String leader = awaitStreamLeader(run);
			NatsServer killed = node(cluster, leader);
			boolean killedConnectedNode = holdsApplicationConnection(killed);
			long killedAt = System.currentTimeMillis();
			killed.kill();
			AtomicLong electedAt = new AtomicLong();
			AtomicLong reconnectedAt = new AtomicLong(killedConnectedNode ? 0 : -1);
			await("a new stream leader, and the application connected to another node").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(50))
				.ignoreExceptions()
				.until(() -> {
					if (reconnectedAt.get() == 0 && cluster.servers()
						.stream()
						.filter(NatsServer::isRunning)
						.anyMatch(LeaderLossScenarioTests::holdsApplicationConnection)) {
						reconnectedAt.set(System.currentTimeMillis());
					}
					if (electedAt.get() == 0) {
						String current = streamLeader(run);
						if (current != null && !current.equals(leader)) {
							electedAt.set(System.currentTimeMillis());
						}
					}
					return electedAt.get() != 0 && reconnectedAt.get() != 0;
				});
			BitSet acknowledged = publisher.awaitAcknowledged(Duration.ofMinutes(5));
			Ledger ledger = run.awaitSettled(acknowledged);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("killedLeader", leader);
			details.put("electionMillis", electedAt.get() - killedAt);
			details.put("killedConnectedNode", killedConnectedNode);
			details.put("reconnectMillis", killedConnectedNode ? reconnectedAt.get() - killedAt : -1);
			Figures figures = run.figures("3-leader-kill", ledger, acknowledged,
					ledger.resumedAfter(killedAt, MESSAGES) - killedAt, details);
			assertThat(figures.lost()).as(run::describe).isZero();
			assertThat(figures.deadLetters()).as(run::describe).isZero();
		}
	}

	private static String awaitStreamLeader(FaultRun run) {
		return await("the stream's leader").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> streamLeader(run), (leader) -> leader != null);
	}

	private static @Nullable String streamLeader(FaultRun run) throws Exception {
		ClusterInfo cluster = run.connection().jetStreamManagement().getStreamInfo(FaultHandler.STREAM).getClusterInfo();
		return (cluster != null) ? cluster.getLeader() : null;
	}

	private static NatsServer node(NatsCluster cluster, String name) {
		return cluster.servers().stream().filter((server) -> name.equals(server.serverName())).findFirst().orElseThrow();
	}

	/**
	 * Tell whether a node holds the application's connection, from its {@code /connz}
	 * monitoring endpoint.
	 * @param node the node
	 * @return whether the application is connected to it
	 */
	private static boolean holdsApplicationConnection(NatsServer node) {
		for (JsonNode connection : JSON.readTree(node.monitoring("/connz")).path("connections")) {
			if (CONNECTION_NAME.equals(connection.path("name").asString())) {
				return true;
			}
		}
		return false;
	}

}

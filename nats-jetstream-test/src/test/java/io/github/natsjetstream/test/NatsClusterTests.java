package io.github.natsjetstream.test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.nats.client.Connection;
import io.nats.client.api.ClusterInfo;
import io.nats.client.api.Replica;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatsClusterTests {

	@RegisterExtension
	static final NatsClusterExtension nats = NatsClusterExtension.nodes(3);

	@Test
	@Order(1)
	void clusterHasThreeNamedNodesOnDistinctPortsAndAMetaLeader(NatsCluster cluster) {
		assertThat(cluster.servers()).hasSize(3).allMatch(NatsServer::isRunning);
		assertThat(cluster.servers()).extracting(NatsServer::serverName).containsExactly("n1", "n2", "n3");
		assertThat(cluster.servers()).extracting(NatsServer::port).doesNotHaveDuplicates();
		assertThat(cluster.servers()).extracting(NatsServer::clusterPort).doesNotHaveDuplicates();
		assertThat(cluster.url()).isEqualTo(String.join(",", cluster.urls())).isEqualTo(nats.url());
		assertThat(cluster.metaLeader()).hasValueSatisfying((leader) -> assertThat(leader).isIn("n1", "n2", "n3"));
		assertThat(cluster.version()).isEqualTo(cluster.server(0).version());
	}

	@Test
	@Order(2)
	void clusterServesAStreamWithThreeReplicas(NatsCluster cluster) throws Exception {
		try (Connection connection = Clients.connect(cluster.url())) {
			StreamInfo created = Clients.createFileStream(connection, "REPLICATED", 3);
			assertThat(created.getConfiguration().getReplicas()).isEqualTo(3);
			Clients.publish(connection, "REPLICATED", 10);

			StreamInfo info = connection.jetStreamManagement().getStreamInfo("REPLICATED");
			assertThat(info.getStreamState().getMsgCount()).isEqualTo(10);
			assertThat(Clients.read(connection, "REPLICATED", 10)).isEqualTo("message-10");
			ClusterInfo clusterInfo = info.getClusterInfo();
			assertThat(clusterInfo.getName()).isEqualTo(NatsCluster.CLUSTER_NAME);
			assertThat(clusterInfo.getLeader()).isIn("n1", "n2", "n3");
			List<String> replicas = clusterInfo.getReplicas().stream().map(Replica::getName).collect(Collectors.toList());
			assertThat(replicas).hasSize(2).doesNotContain(clusterInfo.getLeader());
		}
	}

	@Test
	@Order(3)
	void killedFollowerNodeCatchesUpAfterRestart(NatsCluster cluster) throws Exception {
		// A follower, so the test does not wait 4-9 s for a raft election (nats-server 2.9).
		String metaLeader = cluster.metaLeader().orElseThrow();
		String streamLeader;
		try (Connection connection = Clients.connect(cluster.url())) {
			streamLeader = connection.jetStreamManagement().getStreamInfo("REPLICATED").getClusterInfo().getLeader();
		}
		NatsServer follower = cluster.servers()
			.stream()
			.filter((server) -> !metaLeader.equals(server.serverName()) && !streamLeader.equals(server.serverName()))
			.findFirst()
			.orElseThrow();
		String survivors = cluster.servers()
			.stream()
			.filter((server) -> server != follower)
			.map(NatsServer::url)
			.collect(Collectors.joining(","));

		follower.kill();
		assertThat(follower.isRunning()).isFalse();
		try (Connection connection = Clients.connect(survivors)) {
			Clients.publish(connection, "REPLICATED", 5);
			assertThat(connection.jetStreamManagement().getStreamInfo("REPLICATED").getStreamState().getMsgCount())
				.isEqualTo(15);
		}

		follower.restart();

		assertThat(cluster.awaitMetaLeader(Duration.ofSeconds(30))).isIn("n1", "n2", "n3");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(follower.monitoring("/jsz")).contains("\"messages\": 15"));
	}

	@Test
	void clusterNeedsAtLeastTwoNodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsCluster.start(1));
		assertThatIllegalArgumentException().isThrownBy(() -> NatsClusterExtension.nodes(1));
	}

}

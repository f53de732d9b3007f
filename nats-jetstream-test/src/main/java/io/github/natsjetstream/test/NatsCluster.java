package io.github.natsjetstream.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A cluster of real {@code nats-server} processes with clustered JetStream, all on the loopback
 * interface. Each node has its own free client, cluster and monitoring ports, its own store
 * directory and the {@code server_name} {@code n1}, {@code n2}, ...; every node routes to every
 * node.
 *
 * <p>Nodes can be stopped, killed and restarted individually through {@link #server(int)};
 * {@link #awaitMetaLeader(Duration)} then waits for the survivors to agree on a leader.
 *
 * <pre class="code">
 * try (NatsCluster cluster = NatsCluster.start(3)) {
 *     Connection connection = Nats.connect(new Options.Builder().servers(cluster.urls().toArray(String[]::new)).build());
 *     // create a stream with replicas(3) ...
 * }
 * </pre>
 */
public final class NatsCluster implements AutoCloseable {

	/** The cluster name shared by all nodes. */
	public static final String CLUSTER_NAME = "nats-test";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final List<NatsServer> servers;

	private NatsCluster(List<NatsServer> servers) {
		this.servers = List.copyOf(servers);
	}

	/**
	 * Starts a JetStream cluster and waits until it has a JetStream meta leader that sees all
	 * other nodes as current, so that streams with {@code size} replicas can be created at once.
	 * @param size the number of nodes, at least 2
	 * @return the running cluster
	 */
	public static NatsCluster start(int size) {
		return start(size, (builder) -> {
		});
	}

	/**
	 * Starts a cluster whose node builders are further configured by the given customizer (for
	 * example to add {@link NatsServer.Builder#config(String) configuration}). The cluster
	 * settings (name, ports, routes, server names) are applied before the customizer runs.
	 * @param size the number of nodes, at least 2
	 * @param customizer called once for each node's builder
	 * @return the running cluster
	 */
	public static NatsCluster start(int size, Consumer<NatsServer.Builder> customizer) {
		if (size < 2) {
			throw new IllegalArgumentException("A cluster needs at least 2 nodes, not " + size);
		}
		List<Integer> clusterPorts = new ArrayList<>();
		Set<Integer> taken = new HashSet<>();
		while (clusterPorts.size() < size) {
			int port = FreePorts.next();
			if (taken.add(port)) {
				clusterPorts.add(port);
			}
		}
		List<String> routes = clusterPorts.stream()
			.map((port) -> "nats-route://" + NatsServer.LOOPBACK + ":" + port)
			.collect(Collectors.toList());
		List<NatsServer> servers = new ArrayList<>();
		try {
			for (int i = 0; i < size; i++) {
				NatsServer.Builder builder = NatsServer.builder()
					.serverName("n" + (i + 1))
					.clusterName(CLUSTER_NAME)
					.clusterPort(clusterPorts.get(i))
					.routes(routes)
					.monitoring(true);
				customizer.accept(builder);
				servers.add(builder.build());
			}
			for (NatsServer server : servers) {
				server.start();
			}
			NatsCluster cluster = new NatsCluster(servers);
			cluster.awaitFormed(READY_TIMEOUT);
			return cluster;
		}
		catch (RuntimeException ex) {
			servers.forEach(NatsServer::close);
			throw ex;
		}
	}

	/**
	 * All nodes, in start order.
	 * @return an unmodifiable list of the nodes
	 */
	public List<NatsServer> servers() {
		return this.servers;
	}

	/**
	 * One node.
	 * @param index zero-based index of the node
	 * @return the node
	 */
	public NatsServer server(int index) {
		return this.servers.get(index);
	}

	/**
	 * The server version of the cluster: the lowest version among its nodes, since a feature
	 * works in the cluster only when every node has it.
	 * @return the server version
	 * @see NatsServerAssumptions
	 */
	public NatsServerVersion version() {
		return this.servers.stream()
			.map(NatsServer::version)
			.min(Comparator.naturalOrder())
			.orElseThrow();
	}

	/**
	 * The client URLs of all nodes.
	 * @return an unmodifiable list of URLs
	 */
	public List<String> urls() {
		return this.servers.stream().map(NatsServer::url).collect(Collectors.toUnmodifiableList());
	}

	/**
	 * The client URLs of all nodes, comma-separated, as accepted by
	 * {@code Options.Builder#server(String)} and the {@code nats.servers} property.
	 * @return the comma-separated URLs
	 */
	public String url() {
		return String.join(",", urls());
	}

	/**
	 * The name of the current JetStream meta leader as reported by the first running node that
	 * knows one.
	 * @return the leader's server name, or empty when there is none
	 */
	public Optional<String> metaLeader() {
		return runningServers().stream()
			.map(MetaClusterState::read)
			.flatMap(Optional::stream)
			.map(MetaClusterState::leader)
			.filter(Objects::nonNull)
			.findFirst();
	}

	/**
	 * Waits until all running nodes agree on a JetStream meta leader that is itself running, for
	 * example after a node was stopped or killed.
	 * @param timeout how long to wait at most
	 * @return the leader's server name
	 * @throws IllegalStateException if there is no agreed leader in time
	 */
	public String awaitMetaLeader(Duration timeout) {
		Deadline deadline = Deadline.after(timeout);
		while (true) {
			String leader = agreedLeader();
			if (leader != null) {
				return leader;
			}
			if (deadline.hasPassed()) {
				throw new IllegalStateException("The cluster has no agreed JetStream meta leader after "
						+ timeout.toMillis() + " ms: " + describe());
			}
			deadline.pause();
		}
	}

	/**
	 * Closes all nodes, deleting their temporary directories.
	 */
	@Override
	public void close() {
		RuntimeException failure = null;
		for (NatsServer server : this.servers) {
			try {
				server.close();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public String toString() {
		return "NatsCluster" + this.servers;
	}

	private void awaitFormed(Duration timeout) {
		if (!this.servers.get(0).jetStreamEnabled()) {
			return;
		}
		Deadline deadline = Deadline.after(timeout);
		while (true) {
			String leader = agreedLeader();
			if (leader != null && leaderSeesAllFollowers(leader)) {
				return;
			}
			if (deadline.hasPassed()) {
				throw new IllegalStateException("The JetStream cluster did not form within " + timeout.toMillis()
						+ " ms: " + describe());
			}
			deadline.pause();
		}
	}

	private @Nullable String agreedLeader() {
		List<NatsServer> running = runningServers();
		Set<String> leaders = new HashSet<>();
		for (NatsServer server : running) {
			Optional<MetaClusterState> state = MetaClusterState.read(server);
			String leader = state.map(MetaClusterState::leader).orElse(null);
			if (leader == null) {
				return null;
			}
			leaders.add(leader);
		}
		if (leaders.size() != 1) {
			return null;
		}
		String leader = leaders.iterator().next();
		boolean leaderRunning = running.stream().anyMatch((server) -> leader.equals(server.serverName()));
		return leaderRunning ? leader : null;
	}

	private boolean leaderSeesAllFollowers(String leader) {
		return this.servers.stream()
			.filter((server) -> leader.equals(server.serverName()))
			.findFirst()
			.flatMap(MetaClusterState::read)
			.map((state) -> state.currentReplicas() >= this.servers.size() - 1)
			.orElse(false);
	}

	private List<NatsServer> runningServers() {
		return this.servers.stream().filter(NatsServer::isRunning).collect(Collectors.toList());
	}

	private String describe() {
		StringBuilder description = new StringBuilder();
		for (NatsServer server : this.servers) {
			description.append("\n  ").append(server);
			if (server.isRunning()) {
				description.append(" meta_cluster=").append(MetaClusterState.read(server).orElse(null));
			}
			description.append(" log=").append(server.logFile());
		}
		return description.toString();
	}

}

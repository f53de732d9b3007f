package io.github.natsjetstream.test;

import org.junit.jupiter.api.Assumptions;

/**
 * JUnit assumptions on the version of a running server: a test of a feature that needs a newer
 * server is skipped (aborted) on an older one, with a reason naming both versions, never
 * silently passed.
 *
 * <pre class="code">
 * &#64;Test
 * void pausesTheConsumer(NatsServer server) {
 *     NatsServerAssumptions.assumeAtLeast(server, "2.11");
 *     // ...
 * }
 * </pre>
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see EnabledOnNatsServer
 */
public final class NatsServerAssumptions {

	private NatsServerAssumptions() {
	}

	/**
	 * Skips the test unless the server is the given version or later.
	 * @param server the server the test runs against
	 * @param version the version the test needs, for example {@code "2.11"}
	 */
	public static void assumeAtLeast(NatsServer server, String version) {
		assumeAtLeast(server.version(), version, server.toString());
	}

	/**
	 * Skips the test unless every node of the cluster is the given version or later.
	 * @param cluster the cluster the test runs against
	 * @param version the version the test needs, for example {@code "2.11"}
	 */
	public static void assumeAtLeast(NatsCluster cluster, String version) {
		assumeAtLeast(cluster.version(), version, "cluster " + cluster.urls());
	}

	/**
	 * Skips the test unless the server is older than the given version, for a test of what
	 * older servers do.
	 * @param server the server the test runs against
	 * @param version the first version the test is no longer about, for example {@code "2.10"}
	 */
	public static void assumeBelow(NatsServer server, String version) {
		NatsServerVersion running = server.version();
		Assumptions.assumeTrue(running.isBelow(version), () -> "About nats-server before " + version + " but "
				+ server + " runs nats-server " + running);
	}

	private static void assumeAtLeast(NatsServerVersion running, String version, String what) {
		Assumptions.assumeTrue(running.isAtLeast(version),
				() -> "Needs nats-server " + version + " or later but " + what + " runs nats-server " + running);
	}

}

package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.Connection;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skips a test (JUnit assumption, reported as skipped with the reason) when the server
 * under test is not the version the test is about. One place, to be replaced by the test
 * kit's own version condition.
 */
final class ServerVersions {

	private ServerVersions() {
	}

	/**
	 * Run the test only on servers that have the feature.
	 */
	static void assumeSupported(Connection connection, ServerFeature feature) {
		String version = connection.getServerInfo().getVersion();
		assumeTrue(feature.isSupportedBy(version),
				() -> "needs nats-server " + feature.getMinimumVersion() + "+, running " + version);
	}

	/**
	 * Run the test only on servers that lack the feature.
	 */
	static void assumeLacking(Connection connection, ServerFeature feature) {
		String version = connection.getServerInfo().getVersion();
		assumeFalse(feature.isSupportedBy(version),
				() -> "is about servers before " + feature.getMinimumVersion() + ", running " + version);
	}

}

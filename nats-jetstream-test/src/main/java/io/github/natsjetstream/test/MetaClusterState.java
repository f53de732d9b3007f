package io.github.natsjetstream.test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;
import io.nats.client.support.JsonValueUtils;
import org.jspecify.annotations.Nullable;

/**
 * What one node reports about the JetStream meta group in the {@code meta_cluster} section of
 * its {@code /jsz} monitoring endpoint.
 *
 * @param leader name of the meta leader, or {@code null} while there is none
 * @param currentReplicas number of followers the node reports as current (only the leader
 * lists its followers)
 */
record MetaClusterState(@Nullable String leader, int currentReplicas) {

	/**
	 * Reads the state from a running node.
	 * @param server the node
	 * @return the state, or empty when the node cannot be asked or reports no meta group
	 */
	static Optional<MetaClusterState> read(NatsServer server) {
		try {
			return parse(server.monitoring("/jsz"));
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Parses a {@code /jsz} document.
	 * @param jsz the JSON document
	 * @return the state, or empty when the document has no meta group
	 */
	static Optional<MetaClusterState> parse(String jsz) {
		try {
			JsonValue meta = JsonValueUtils.readValue(JsonParser.parse(jsz), "meta_cluster");
			if (meta == null) {
				return Optional.empty();
			}
			String leader = JsonValueUtils.readString(meta, "leader");
			List<JsonValue> replicas = JsonValueUtils.readArray(meta, "replicas");
			List<JsonValue> current = new ArrayList<>();
			if (replicas != null) {
				for (JsonValue replica : replicas) {
					if (JsonValueUtils.readBoolean(replica, "current")) {
						current.add(replica);
					}
				}
			}
			return Optional.of(new MetaClusterState((leader == null || leader.isEmpty()) ? null : leader, current.size()));
		}
		catch (JsonParseException ex) {
			return Optional.empty();
		}
	}

}

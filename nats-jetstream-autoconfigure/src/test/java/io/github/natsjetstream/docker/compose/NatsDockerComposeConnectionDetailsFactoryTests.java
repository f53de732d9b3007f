package io.github.natsjetstream.docker.compose;

import java.util.List;
import java.util.Map;

import io.github.natsjetstream.docker.compose.NatsDockerComposeConnectionDetailsFactory.NatsDockerComposeConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maps a running {@code nats} Docker Compose service to connection details. Docker
 * Compose itself needs a Docker engine; this checks the mapping on a described service.
 */
class NatsDockerComposeConnectionDetailsFactoryTests {

	@Test
	void serversPointAtTheMappedClientPort() {
		NatsDockerComposeConnectionDetails details = new NatsDockerComposeConnectionDetails(
				new DescribedService("nats.example", Map.of(4222, 32768)));
		assertThat(details.getServers()).containsExactly("nats://nats.example:32768");
		assertThat(details.getSslBundle()).isNull();
	}

	/**
	 * A running service as Docker Compose would describe it.
	 */
	private record DescribedService(String host, Map<Integer, Integer> mappedPorts) implements RunningService {

		@Override
		public String name() {
			return "nats";
		}

		@Override
		public ImageReference image() {
			return ImageReference.of("nats:2.10");
		}

		@Override
		public ConnectionPorts ports() {
			return new ConnectionPorts() {

				@Override
				public int get(int containerPort) {
					return mappedPorts().get(containerPort);
				}

				@Override
				public List<Integer> getAll() {
					return List.copyOf(mappedPorts().values());
				}

				@Override
				public List<Integer> getAll(@Nullable String protocol) {
					return getAll();
				}

			};
		}

		@Override
		public Map<String, @Nullable String> env() {
			return Map.of();
		}

		@Override
		public Map<String, String> labels() {
			return Map.of();
		}

	}

}

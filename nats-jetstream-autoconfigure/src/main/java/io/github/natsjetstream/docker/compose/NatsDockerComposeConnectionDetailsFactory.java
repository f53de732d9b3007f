package io.github.natsjetstream.docker.compose;

import java.util.List;

import io.github.natsjetstream.autoconfigure.NatsConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

/**
 * {@link DockerComposeConnectionDetailsFactory} that creates {@link NatsConnectionDetails}
 * for a {@code nats} service.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class NatsDockerComposeConnectionDetailsFactory extends DockerComposeConnectionDetailsFactory<NatsConnectionDetails> {

	private static final int NATS_PORT = 4222;

	NatsDockerComposeConnectionDetailsFactory() {
		super("nats");
	}

	@Override
	protected NatsConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new NatsDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * {@link NatsConnectionDetails} backed by a {@code nats} {@link RunningService}.
	 */
	static class NatsDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements NatsConnectionDetails {

		private final List<String> servers;

		private final @Nullable SslBundle sslBundle;

		NatsDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.sslBundle = getSslBundle(service);
			String scheme = (this.sslBundle != null) ? "tls" : "nats";
			this.servers = List.of(scheme + "://" + service.host() + ":" + service.ports().get(NATS_PORT));
		}

		@Override
		public List<String> getServers() {
			return this.servers;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

	}

}

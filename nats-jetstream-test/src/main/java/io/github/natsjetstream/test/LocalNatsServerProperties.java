package io.github.natsjetstream.test;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the development server that
 * {@link LocalNatsServerConfiguration} starts when no configured server is reachable.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@ConfigurationProperties("nats.local-server")
public class LocalNatsServerProperties {

	/**
	 * Directory that keeps the local server's JetStream store between runs of the
	 * application. Defaults to 'target/local-nats-server' in the working directory
	 * ('build/local-nats-server' in a Gradle project).
	 */
	private @Nullable Path directory;

	public @Nullable Path getDirectory() {
		return this.directory;
	}

	public void setDirectory(@Nullable Path directory) {
		this.directory = directory;
	}

}

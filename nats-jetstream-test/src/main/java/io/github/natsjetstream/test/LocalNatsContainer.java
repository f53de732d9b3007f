package io.github.natsjetstream.test;

import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;

/**
 * The container a {@link LocalNatsServer} starts when there is no {@code nats-server}
 * binary but Docker: {@link NatsContainers#jetStream()} keeping its store in a directory of
 * the host, so that it survives restarts of the application. Testcontainers removes the
 * container when the JVM exits. Used only when Testcontainers is on the classpath.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class LocalNatsContainer {

	private static final String CONTAINER_STORE = "/data";

	private LocalNatsContainer() {
	}

	/**
	 * Tells whether Testcontainers finds a Docker environment.
	 * @return {@code true} when a container can be started
	 */
	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	/**
	 * Starts a NATS container with JetStream whose store is the given host directory.
	 * @param storeDir the host directory of the store
	 * @return the started container
	 */
	static Started start(Path storeDir) {
		GenericContainer<?> container = NatsContainers.jetStream()
			.withCommand("-js", "-sd", CONTAINER_STORE)
			.withFileSystemBind(storeDir.toAbsolutePath().toString(), CONTAINER_STORE, BindMode.READ_WRITE);
		container.start();
		return new Started(container.getDockerImageName(), NatsContainers.url(container), container::stop);
	}

	/**
	 * A started container, described without Testcontainers types.
	 *
	 * @param image the container's image
	 * @param url the client URL
	 * @param stop stops and removes the container
	 */
	record Started(String image, String url, Runnable stop) {

	}

}

package io.github.natsjetstream.test;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers variant for machines with Docker: a {@code nats} container with JetStream.
 * The image name starts with {@code nats}, so Spring Boot's {@code @ServiceConnection} matches
 * it.
 *
 * <pre class="code">
 * &#64;Testcontainers(disabledWithoutDocker = true)
 * &#64;SpringBootTest
 * class MyApplicationTests {
 *
 *     &#64;Container
 *     &#64;ServiceConnection
 *     static final GenericContainer&lt;?&gt; nats = NatsContainers.jetStream();
 *
 * }
 * </pre>
 *
 * <p>This is the only class of the module that needs {@code testcontainers}.
 */
public final class NatsContainers {

	/** The default image. */
	public static final String DEFAULT_IMAGE = "nats:2.10";

	/** The client port inside the container. */
	public static final int CLIENT_PORT = 4222;

	private NatsContainers() {
	}

	/**
	 * A container of the {@value #DEFAULT_IMAGE} image running with JetStream.
	 * @return the container, not started
	 */
	public static GenericContainer<?> jetStream() {
		return jetStream(DEFAULT_IMAGE);
	}

	/**
	 * A container of the given NATS image running with JetStream.
	 * @param image the image, for example {@code nats:2.11}
	 * @return the container, not started
	 */
	public static GenericContainer<?> jetStream(String image) {
		return jetStream(DockerImageName.parse(image));
	}

	/**
	 * A container of the given NATS image running with JetStream.
	 * @param image the image
	 * @return the container, not started
	 */
	public static GenericContainer<?> jetStream(DockerImageName image) {
		return new GenericContainer<>(image).withCommand("-js")
			.withExposedPorts(CLIENT_PORT)
			.waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
	}

	/**
	 * The client URL of a started container.
	 * @param container the started container
	 * @return {@code nats://HOST:MAPPEDPORT}
	 */
	public static String url(GenericContainer<?> container) {
		return "nats://" + container.getHost() + ":" + container.getMappedPort(CLIENT_PORT);
	}

}

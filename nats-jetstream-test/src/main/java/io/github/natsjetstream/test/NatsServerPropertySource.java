package io.github.natsjetstream.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers the {@code nats.servers} property of a test server or cluster for Spring's
 * {@code @DynamicPropertySource}. The value is read lazily, when the application context is
 * created, which is after the JUnit extension has started the server.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * class MyApplicationTests {
 *
 *     &#64;RegisterExtension
 *     static final NatsServerExtension nats = NatsServerExtension.jetStream();
 *
 *     &#64;DynamicPropertySource
 *     static void natsProperties(DynamicPropertyRegistry registry) {
 *         NatsServerPropertySource.registerProperties(registry, nats);
 *     }
 *
 * }
 * </pre>
 *
 * <p>This is the only class of the module that needs {@code spring-test}; the extensions
 * themselves work without Spring.
 */
public final class NatsServerPropertySource {

	/** The property that lists the server URLs. */
	public static final String SERVERS_PROPERTY = "nats.servers";

	private NatsServerPropertySource() {
	}

	/**
	 * Registers {@code nats.servers} with the URL of the extension's server.
	 * @param registry the registry passed to the {@code @DynamicPropertySource} method
	 * @param extension the extension
	 */
	public static void registerProperties(DynamicPropertyRegistry registry, NatsServerExtension extension) {
		registry.add(SERVERS_PROPERTY, extension::url);
	}

	/**
	 * Registers {@code nats.servers} with the comma-separated URLs of the extension's cluster.
	 * @param registry the registry passed to the {@code @DynamicPropertySource} method
	 * @param extension the extension
	 */
	public static void registerProperties(DynamicPropertyRegistry registry, NatsClusterExtension extension) {
		registry.add(SERVERS_PROPERTY, extension::url);
	}

	/**
	 * Registers {@code nats.servers} with the URL of a server.
	 * @param registry the registry passed to the {@code @DynamicPropertySource} method
	 * @param server the server
	 */
	public static void registerProperties(DynamicPropertyRegistry registry, NatsServer server) {
		registry.add(SERVERS_PROPERTY, server::url);
	}

	/**
	 * Registers {@code nats.servers} with the comma-separated URLs of a cluster.
	 * @param registry the registry passed to the {@code @DynamicPropertySource} method
	 * @param cluster the cluster
	 */
	public static void registerProperties(DynamicPropertyRegistry registry, NatsCluster cluster) {
		registry.add(SERVERS_PROPERTY, cluster::url);
	}

}

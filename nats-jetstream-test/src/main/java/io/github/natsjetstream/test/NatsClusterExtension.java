package io.github.natsjetstream.test;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that runs one {@link NatsCluster} for all tests of a class.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final NatsClusterExtension nats = NatsClusterExtension.nodes(3);
 *
 * &#64;Test
 * void replicates(NatsCluster cluster) { ... }
 * </pre>
 *
 * <p>Register it in a {@code static} field: the cluster starts before all tests of the class
 * (and its {@code @Nested} classes) and is closed after them. Test and lifecycle methods can
 * declare a {@link NatsCluster} parameter.
 */
public final class NatsClusterExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private final int size;

	private final Consumer<NatsServer.Builder> customizer;

	private @Nullable NatsCluster cluster;

	private @Nullable String ownerId;

	private NatsClusterExtension(int size, Consumer<NatsServer.Builder> customizer) {
		this.size = size;
		this.customizer = customizer;
	}

	/**
	 * Creates an extension for a JetStream cluster of the given size.
	 * @param size the number of nodes, at least 2
	 * @return the extension
	 */
	public static NatsClusterExtension nodes(int size) {
		return create(size, (builder) -> {
		});
	}

	/**
	 * Creates an extension for a cluster whose nodes are further configured by the customizer.
	 * @param size the number of nodes, at least 2
	 * @param customizer called for each node's builder
	 * @return the extension
	 * @see NatsCluster#start(int, Consumer)
	 */
	public static NatsClusterExtension create(int size, Consumer<NatsServer.Builder> customizer) {
		if (size < 2) {
			throw new IllegalArgumentException("A cluster needs at least 2 nodes, not " + size);
		}
		return new NatsClusterExtension(size, customizer);
	}

	/**
	 * Starts the cluster, unless it is already running for an enclosing class.
	 * @param context the context of the test class
	 */
	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.cluster != null) {
			return;
		}
		this.cluster = NatsCluster.start(this.size, this.customizer);
		this.ownerId = context.getUniqueId();
	}

	/**
	 * Closes the cluster after the class that started it.
	 * @param context the context of the test class
	 */
	@Override
	public synchronized void afterAll(ExtensionContext context) {
		NatsCluster current = this.cluster;
		if (current != null && context.getUniqueId().equals(this.ownerId)) {
			this.cluster = null;
			this.ownerId = null;
			current.close();
		}
	}

	/**
	 * Supports parameters of type {@link NatsCluster}.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return whether the parameter is a {@link NatsCluster}
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == NatsCluster.class;
	}

	/**
	 * Resolves a {@link NatsCluster} parameter to the running cluster.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return the running cluster
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return cluster();
	}

	/**
	 * The running cluster.
	 * @return the cluster
	 * @throws IllegalStateException outside the tests of the registering class
	 */
	public synchronized NatsCluster cluster() {
		NatsCluster current = this.cluster;
		if (current == null) {
			throw new IllegalStateException("The NATS cluster is not running: register NatsClusterExtension with "
					+ "@RegisterExtension in a static field and use it only while the test class runs");
		}
		return current;
	}

	/**
	 * The comma-separated client URLs of all nodes.
	 * @return the URLs
	 */
	public String url() {
		return cluster().url();
	}

}

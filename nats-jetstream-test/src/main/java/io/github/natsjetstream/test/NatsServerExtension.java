package io.github.natsjetstream.test;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that runs one {@link NatsServer} for all tests of a class.
 *
 * <pre class="code">
 * class MyTests {
 *
 *     &#64;RegisterExtension
 *     static final NatsServerExtension nats = NatsServerExtension.jetStream();
 *
 *     &#64;Test
 *     void publishes(NatsServer server) throws Exception {
 *         try (Connection connection = Nats.connect(server.url())) {
 *             // ...
 *         }
 *     }
 *
 * }
 * </pre>
 *
 * <p>Register it in a {@code static} field: the server starts before all tests of the class
 * (and its {@code @Nested} classes) and is closed after them. Test and lifecycle methods can
 * declare a {@link NatsServer} parameter. Spring tests pass the server URL to the application
 * with {@link NatsServerPropertySource}.
 */
public final class NatsServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private final Consumer<NatsServer.Builder> customizer;

	private @Nullable NatsServer server;

	private @Nullable String ownerId;

	private NatsServerExtension(Consumer<NatsServer.Builder> customizer) {
		this.customizer = customizer;
	}

	/**
	 * Creates an extension for a JetStream-enabled server with default settings.
	 * @return the extension
	 */
	public static NatsServerExtension jetStream() {
		return create((builder) -> {
		});
	}

	/**
	 * Creates an extension for a server configured by the given customizer, for example
	 * {@code NatsServerExtension.create(builder -> builder.config("max_payload: 2MB"))}.
	 * @param customizer configures the server's builder before it is built
	 * @return the extension
	 */
	public static NatsServerExtension create(Consumer<NatsServer.Builder> customizer) {
		return new NatsServerExtension(customizer);
	}

	/**
	 * Starts the server, unless it is already running for an enclosing class.
	 * @param context the context of the test class
	 */
	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.server != null) {
			return;
		}
		NatsServer.Builder builder = NatsServer.builder();
		this.customizer.accept(builder);
		this.server = builder.start();
		this.ownerId = context.getUniqueId();
	}

	/**
	 * Closes the server after the class that started it.
	 * @param context the context of the test class
	 */
	@Override
	public synchronized void afterAll(ExtensionContext context) {
		NatsServer current = this.server;
		if (current != null && context.getUniqueId().equals(this.ownerId)) {
			this.server = null;
			this.ownerId = null;
			current.close();
		}
	}

	/**
	 * Supports parameters of type {@link NatsServer}.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return whether the parameter is a {@link NatsServer}
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == NatsServer.class;
	}

	/**
	 * Resolves a {@link NatsServer} parameter to the running server.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return the running server
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server();
	}

	/**
	 * The running server.
	 * @return the server
	 * @throws IllegalStateException outside the tests of the registering class
	 */
	public synchronized NatsServer server() {
		NatsServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("The NATS server is not running: register NatsServerExtension with "
					+ "@RegisterExtension in a static field and use it only while the test class runs");
		}
		return current;
	}

	/**
	 * The client URL of the running server.
	 * @return the URL, for example {@code nats://127.0.0.1:40123}
	 */
	public String url() {
		return server().url();
	}

}

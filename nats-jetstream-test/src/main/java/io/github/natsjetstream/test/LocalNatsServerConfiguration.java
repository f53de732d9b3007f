package io.github.natsjetstream.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs an application during development against a NATS server: the one its
 * {@code nats.servers} names when that is reachable, otherwise a {@link LocalNatsServer}
 * started for the application's lifetime, whose URL then replaces {@code nats.servers}.
 * The local server keeps its JetStream store between runs (in
 * {@code nats.local-server.directory}, by default {@code target/local-nats-server}) and
 * stops after every other bean of the application has been destroyed.
 *
 * <p>Import it, the way Spring Boot runs Testcontainers for development, from a main class
 * in the application's test sources and run it with {@code ./mvnw spring-boot:test-run}:
 *
 * <pre class="code">
 * public class TestOrdersApplication {
 *
 *     public static void main(String[] args) {
 *         SpringApplication.from(OrdersApplication::main).with(LocalNatsServerConfiguration.class).run(args);
 *     }
 *
 * }
 * </pre>
 *
 * <p>A test can {@code @Import} it too. The application then finds the server as a
 * {@link LocalNatsServer} bean named {@code localNatsServer}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalNatsServerConfiguration {

	@Bean
	static LocalNatsServerPostProcessor localNatsServerPostProcessor() {
		return new LocalNatsServerPostProcessor();
	}

}

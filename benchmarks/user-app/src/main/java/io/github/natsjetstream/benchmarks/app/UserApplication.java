package io.github.natsjetstream.benchmarks.app;

import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application a user writes: Spring MVC, Actuator with a Prometheus registry, the
 * starter, the application's own Jackson {@code JsonMapper} as Spring Boot configures
 * it, one busy handler ({@link PaymentHandler}) and five idle ones ({@link IdleHandlers}).
 * The benchmarks run it as a process of its own with default JVM options and drive it
 * through {@link BenchmarkControl} on standard input and output.
 */
@SpringBootApplication
public class UserApplication {

	/**
	 * Start the application and hand it to the benchmark's control.
	 * @param args Spring Boot arguments ({@code --name=value})
	 * @throws Exception when it cannot start
	 */
	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(UserApplication.class, args);
		PaymentCounter counter = context.getBean(PaymentCounter.class);
		BenchmarkControl.run(() -> paymentsContainer(context).start(), counter::await, context::close);
	}

	private static NatsHandlerContainer paymentsContainer(ConfigurableApplicationContext context) {
		NatsHandlerContainer container = context.getBean(NatsHandlerContainerRegistry.class)
			.getContainer(PaymentHandler.ID);
		if (container == null) {
			throw new IllegalStateException("No handler '" + PaymentHandler.ID + "'");
		}
		return container;
	}

}

package io.github.natsjetstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.natsjetstream.metrics.NatsHandlerMeterObservationHandler;
import io.github.natsjetstream.observation.DefaultNatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerContext;
import io.github.natsjetstream.observation.NatsHandlerObservation;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nats.client.Message;
import io.nats.client.impl.NatsMessage;

/**
 * What one {@code nats.handler} observation costs a handler's thread once compiled: the
 * observation started, in scope and stopped as a worker does for each message, in a loop
 * of a million, timed and its allocation counted ({@code ThreadMXBean}), the last of
 * twelve rounds printed. Three registries: the Observation API with a handler that does
 * nothing (what Micrometer itself costs), and the starter's
 * {@link NatsHandlerMeterObservationHandler} on a Prometheus registry with and without its
 * long task timer. No server: a diagnostic run by hand,
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.natsjetstream.benchmarks.ObservationCost}.
 */
public final class ObservationCost {

	private static final int PER_ROUND = 1_000_000;

	private static final int ROUNDS = 12;

	private ObservationCost() {
	}

	/**
	 * Measure and print.
	 * @param args none
	 */
	public static void main(String[] args) {
		measure("Observation API, handler doing nothing", () -> {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler((context) -> true);
			return registry;
		});
		measure("meter handler, Prometheus, long task timer", () -> meters(true));
		measure("meter handler, Prometheus, no long task timer", () -> meters(false));
	}

	private static ObservationRegistry meters(boolean longTaskTimers) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new NatsHandlerMeterObservationHandler(
					new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), longTaskTimers));
		return registry;
	}

	private static void measure(String name, Supplier<ObservationRegistry> registries) {
		ObservationRegistry registry = registries.get();
		Message message = NatsMessage.builder().subject("payments.created").data(new byte[48]).build();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		double nanos = 0;
		double bytes = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
			long started = System.nanoTime();
			for (int i = 0; i < PER_ROUND; i++) {
				observe(registry, message);
			}
			nanos = (double) (System.nanoTime() - started) / PER_ROUND;
			bytes = (double) (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / PER_ROUND;
		}
		System.out.printf(Locale.ROOT, "observation  %-48s %6.0f ns %6.0f B per message%n", name, nanos, bytes);
	}

	private static void observe(ObservationRegistry registry, Message message) {
		NatsHandlerContext context = new NatsHandlerContext(message, "payments", "PAYMENTS");
		Observation observation = NatsHandlerObservation.HANDLE
			.observation(null, DefaultNatsHandlerObservationConvention.INSTANCE, () -> context, registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			context.setOutcome(NatsHandlerOutcome.ACK);
		}
		observation.stop();
	}

}

package io.github.natsjetstream.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.benchmarks.experiment.CachedTimerObservationHandler;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.Assert;

/**
 * Starts Spring Boot applications with the starter, as an application would: full
 * auto-configuration, no component scanning, the benchmark's handler classes as beans.
 * <p>
 * Actuator and a Prometheus registry are on the benchmark's classpath for the cases with
 * metrics. Every other application runs as one without them: the auto-configurations of
 * Actuator, health, Micrometer metrics and observation, and the starter's own for
 * health, the endpoint and metrics, are excluded, so that no observation registry and no
 * meter registry exist.
 */
final class StarterContexts {

	/**
	 * Property that turns Actuator and metrics on in an application.
	 */
	static final String METRICS = "bench.metrics";

	/**
	 * Packages of the auto-configurations an application without metrics leaves out.
	 */
	private static final List<String> OBSERVABILITY_PACKAGES = List.of("org.springframework.boot.actuate.",
			"org.springframework.boot.health.", "org.springframework.boot.micrometer.",
			"io.github.natsjetstream.autoconfigure.actuate.", "io.github.natsjetstream.autoconfigure.health.",
			"io.github.natsjetstream.autoconfigure.metrics.");

	private static final String WITHOUT_OBSERVABILITY = String.join(",",
			ImportCandidates.load(AutoConfiguration.class, StarterContexts.class.getClassLoader())
				.getCandidates()
				.stream()
				.filter((candidate) -> OBSERVABILITY_PACKAGES.stream().anyMatch(candidate::startsWith))
				.toList());

	private final String serverUrl;

	private final MessageSink sink;

	StarterContexts(String serverUrl, MessageSink sink) {
		this.serverUrl = serverUrl;
		this.sink = sink;
	}

	/**
	 * Run an application.
	 * @param properties its properties, on top of the common ones; {@link #METRICS}
	 * {@code true} for Actuator and metrics
	 * @param configurations its configuration classes, none for an application without
	 * handlers
	 * @return the running context
	 */
	ConfigurableApplicationContext run(Map<String, Object> properties, Class<?>... configurations) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("nats.servers", this.serverUrl);
		all.put("spring.application.name", "bench");
		all.put("nats.jetstream.shutdown-timeout", "10s");
		all.put("logging.level.root", "WARN");
		all.putAll(properties);
		if (!Boolean.parseBoolean(String.valueOf(all.remove(METRICS)))) {
			all.put("spring.autoconfigure.exclude", WITHOUT_OBSERVABILITY);
		}
		Class<?>[] sources = new Class<?>[configurations.length + 1];
		sources[0] = BenchmarkApplication.class;
		System.arraycopy(configurations, 0, sources, 1, configurations.length);
		return new SpringApplicationBuilder()
			.sources(sources)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties(all)
			.initializers((context) -> context.getBeanFactory().registerSingleton("messageSink", this.sink))
			.run();
	}

	/**
	 * Check that an application has an observation registry and a meter registry exactly
	 * when it runs with metrics.
	 * @param context a running context
	 * @param metrics whether it runs with metrics
	 */
	static void checkObservability(ConfigurableApplicationContext context, boolean metrics) {
		String[] observationRegistries = context.getBeanNamesForType(ObservationRegistry.class);
		String[] meterRegistries = context.getBeanNamesForType(MeterRegistry.class);
		boolean prometheus = context.getBeansOfType(MeterRegistry.class)
			.values()
			.stream()
			.anyMatch((registry) -> registry instanceof PrometheusMeterRegistry);
		Assert.state((observationRegistries.length > 0) == metrics && (meterRegistries.length > 0) == metrics
				&& prometheus == metrics, () -> "Expected " + (metrics ? "" : "no ")
						+ "observation and Prometheus meter registries, found " + List.of(observationRegistries)
						+ " and " + List.of(meterRegistries));
	}

	/**
	 * Return how many messages the {@code nats.handler} timers counted.
	 * @param context a running context with metrics
	 * @return the count
	 */
	static long handlerTimerCount(ConfigurableApplicationContext context) {
		return context.getBeansOfType(PrometheusMeterRegistry.class)
			.values()
			.stream()
			.flatMap((registry) -> registry.find("nats.handler").timers().stream())
			.mapToLong(Timer::count)
			.sum();
	}

	/**
	 * Return the container of the benchmark handler.
	 * @param context a running context
	 * @return the container
	 */
	static NatsHandlerContainer benchContainer(ConfigurableApplicationContext context) {
		NatsHandlerContainer container = context.getBean(NatsHandlerContainerRegistry.class)
			.getContainer(ThroughputHandler.ID);
		Assert.state(container != null, "No container '" + ThroughputHandler.ID + "'");
		return container;
	}

	/**
	 * The application: Spring Boot's auto-configuration with nothing scanned.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BenchmarkApplication {

	}

	/**
	 * Experiment: the meter observation handler with cached timers, ahead of Spring
	 * Boot's.
	 */
	@Configuration(proxyBeanMethods = false)
	static class CachedTimerConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		CachedTimerObservationHandler cachedTimerObservationHandler(MeterRegistry registry) {
			return new CachedTimerObservationHandler(registry);
		}

	}

	/**
	 * The method-level throughput and latency handler.
	 */
	@Configuration(proxyBeanMethods = false)
	static class MethodHandlerConfiguration {

		@Bean
		ThroughputHandler throughputHandler(MessageSink messageSink) {
			return new ThroughputHandler(messageSink);
		}

	}

	/**
	 * The batch handler, batches of 100.
	 */
	@Configuration(proxyBeanMethods = false)
	static class BatchHandlerConfiguration {

		@Bean
		BatchThroughputHandler batchThroughputHandler(MessageSink messageSink) {
			return new BatchThroughputHandler(messageSink);
		}

	}

	/**
	 * The method-level handler of the larger record.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LargeOrderHandlerConfiguration {

		@Bean
		LargeOrderHandler largeOrderHandler(MessageSink messageSink) {
			return new LargeOrderHandler(messageSink);
		}

	}

	/**
	 * The class-level handler with ten routes.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RoutingHandlerConfiguration {

		@Bean
		RoutingHandler routingHandler(MessageSink messageSink) {
			return new RoutingHandler(messageSink);
		}

	}

	/**
	 * Fifty idle handlers.
	 */
	@Configuration(proxyBeanMethods = false)
	static class StartupHandlersConfiguration {

		@Bean
		StartupHandlers startupHandlers(MessageSink messageSink) {
			return new StartupHandlers(messageSink);
		}

	}

}

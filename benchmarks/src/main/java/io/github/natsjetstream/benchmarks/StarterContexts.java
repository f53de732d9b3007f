package io.github.natsjetstream.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * Starts Spring Boot applications with the starter, as an application would: full
 * auto-configuration, no component scanning, the benchmark's handler classes as beans.
 */
final class StarterContexts {

	private final String serverUrl;

	private final MessageSink sink;

	StarterContexts(String serverUrl, MessageSink sink) {
		this.serverUrl = serverUrl;
		this.sink = sink;
	}

	/**
	 * Run an application.
	 * @param properties its properties, on top of the common ones
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

package io.github.natsjetstream.autoconfigure.metrics;

import java.util.List;

import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.listener.ConsumerStatistics;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.metrics.NatsConnectionMetrics;
import io.github.natsjetstream.metrics.NatsHandlerMeterObservationHandler;
import io.github.natsjetstream.metrics.NatsHandlerMetrics;
import io.github.natsjetstream.metrics.NatsHandlerTimerMeters;
import io.github.natsjetstream.observation.NatsHandlerTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the Micrometer meters of the NATS connection ({@link NatsConnectionMetrics}) and of
 * the handlers ({@link NatsHandlerMetrics}), bound to the application's
 * {@link MeterRegistry}. The timers of handling and publishing come from their
 * observations, but for the {@link NatsHandlerTimers} that handlers record their timer with
 * when their observation is disabled.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = { NatsAutoConfiguration.class, NatsHandlerAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class NatsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnBean(Connection.class)
	@ConditionalOnMissingBean
	NatsConnectionMetrics natsConnectionMetrics(Connection connection) {
		return new NatsConnectionMetrics(connection);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationHandler")
	@ConditionalOnMissingBean
	NatsHandlerMeterObservationHandler natsHandlerMeterObservationHandler(MeterRegistry registry,
			Environment environment) {
		List<String> ignored = Binder.get(environment)
			.bind("management.metrics.observations.ignored-meters", Bindable.listOf(String.class))
			.orElse(List.of());
		boolean longTaskTimers = ignored.stream()
			.noneMatch((meter) -> meter.replace("_", "-").equalsIgnoreCase("long-task-timer"));
		return new NatsHandlerMeterObservationHandler(registry, longTaskTimers);
	}

	@Bean
	@ConditionalOnMissingBean
	NatsHandlerTimers natsHandlerTimers(MeterRegistry registry) {
		return new NatsHandlerTimerMeters(registry);
	}

	@Bean
	@ConditionalOnBean({ NatsHandlerContainerRegistry.class, ConsumerStatistics.class })
	@ConditionalOnMissingBean
	NatsHandlerMetrics natsHandlerMetrics(NatsHandlerContainerRegistry containers, ConsumerStatistics statistics) {
		return new NatsHandlerMetrics(containers, statistics);
	}

}

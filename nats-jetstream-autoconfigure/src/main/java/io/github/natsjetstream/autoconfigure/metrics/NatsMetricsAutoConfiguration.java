package io.github.natsjetstream.autoconfigure.metrics;

import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.listener.ConsumerStatistics;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.metrics.NatsConnectionMetrics;
import io.github.natsjetstream.metrics.NatsHandlerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the Micrometer meters of the NATS connection ({@link NatsConnectionMetrics}) and of
 * the handlers ({@link NatsHandlerMetrics}), bound to the application's
 * {@link MeterRegistry}. The timers of handling and publishing come from their
 * observations, not from here.
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
	@ConditionalOnBean({ NatsHandlerContainerRegistry.class, ConsumerStatistics.class })
	@ConditionalOnMissingBean
	NatsHandlerMetrics natsHandlerMetrics(NatsHandlerContainerRegistry containers, ConsumerStatistics statistics) {
		return new NatsHandlerMetrics(containers, statistics);
	}

}

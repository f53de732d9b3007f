package io.github.natsjetstream.docs.samples.observability;

import io.github.natsjetstream.metrics.NatsConnectionMetrics;
import io.micrometer.core.instrument.Tags;
import io.nats.client.Connection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	// tag::binder[]
	@Bean
	NatsConnectionMetrics natsConnectionMetrics(Connection connection) {
		return new NatsConnectionMetrics(connection, Tags.of("cluster", "east"));
	}
	// end::binder[]

}

package io.github.natsjetstream.docs.samples.connection;

import io.github.natsjetstream.autoconfigure.NatsOptionsCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	// tag::customizer[]
	@Bean
	NatsOptionsCustomizer natsTracing() {
		return (builder) -> builder.traceConnection();
	}
	// end::customizer[]

}

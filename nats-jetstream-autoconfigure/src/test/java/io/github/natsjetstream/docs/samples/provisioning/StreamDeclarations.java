package io.github.natsjetstream.docs.samples.provisioning;

import java.time.Duration;

import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.StorageType;
import io.nats.client.api.Source;
import io.nats.client.api.StreamConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StreamDeclarations {

	// tag::streams[]
	@Bean
	NatsStream ordersStream() {                          // declares only what is set, like the properties
		return NatsStream.builder("ORDERS")
			.subjects("orders.>")
			.storage(StorageType.FILE)
			.maxAge(Duration.ofDays(7))
			.build();
	}

	@Bean
	StreamConfiguration ordersArchive() {                // a jnats configuration declares the whole stream
		return StreamConfiguration.builder()
			.name("ORDERS_ARCHIVE")
			.sources(Source.builder().sourceName("ORDERS").build())
			.build();
	}
	// end::streams[]

}

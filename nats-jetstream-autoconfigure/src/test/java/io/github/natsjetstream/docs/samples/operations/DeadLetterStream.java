package io.github.natsjetstream.docs.samples.operations;

import java.time.Duration;

import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.StorageType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadLetterStream {

	@Bean
	NatsStream natsDeadLetterStream() {        // replaces the starter's declaration of the stream DLQ
		return NatsStream.builder("DLQ")
			.subjects("dlq.>")
			.storage(StorageType.FILE)
			.replicas(3)
			.maxAge(Duration.ofDays(30))
			.build();
	}

}

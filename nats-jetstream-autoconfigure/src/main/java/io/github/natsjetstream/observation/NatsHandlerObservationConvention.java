package io.github.natsjetstream.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of the {@code nats.handler} observation. Declare a bean
 * of this type to replace {@link DefaultNatsHandlerObservationConvention}, as Spring
 * Kafka's {@code KafkaListenerObservationConvention}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public interface NatsHandlerObservationConvention extends ObservationConvention<NatsHandlerContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NatsHandlerContext;
	}

	@Override
	default String getName() {
		return "nats.handler";
	}

}

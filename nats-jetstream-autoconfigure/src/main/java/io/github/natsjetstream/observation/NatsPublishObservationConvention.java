package io.github.natsjetstream.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of the {@code nats.publish} observation. Declare a bean
 * of this type to replace {@link DefaultNatsPublishObservationConvention}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public interface NatsPublishObservationConvention extends ObservationConvention<NatsPublishContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NatsPublishContext;
	}

	@Override
	default String getName() {
		return "nats.publish";
	}

}

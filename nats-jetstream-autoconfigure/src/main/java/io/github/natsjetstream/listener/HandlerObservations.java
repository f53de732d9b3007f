package io.github.natsjetstream.listener;

import io.github.natsjetstream.observation.DefaultNatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerContext;
import io.github.natsjetstream.observation.NatsHandlerObservation;
import io.github.natsjetstream.observation.NatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Message;
import org.jspecify.annotations.Nullable;

/**
 * Starts and stops the {@code nats.handler} observations of one handler.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerObservations {

	private final ObservationRegistry registry;

	private final @Nullable NatsHandlerObservationConvention convention;

	private final String handlerId;

	private final String stream;

	HandlerObservations(ObservationRegistry registry, @Nullable NatsHandlerObservationConvention convention,
			String handlerId, String stream) {
		this.registry = registry;
		this.convention = convention;
		this.handlerId = handlerId;
		this.stream = stream;
	}

	/**
	 * Return whether handling goes unobserved: then nothing is spent on observations.
	 * @return whether the registry is a no-op
	 */
	boolean isNoop() {
		return this.registry.isNoop();
	}

	/**
	 * Start observing the handling of a message.
	 * @param message the message
	 * @return the started observation
	 */
	Observation start(Message message) {
		NatsHandlerContext context = new NatsHandlerContext(message, this.handlerId, this.stream);
		return NatsHandlerObservation.HANDLE
			.observation(this.convention, DefaultNatsHandlerObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start();
	}

	/**
	 * Stop observing the handling of a message.
	 * @param observation the observation
	 * @param outcome how the handling ended
	 */
	static void stop(Observation observation, NatsHandlerOutcome outcome) {
		if (observation.getContext() instanceof NatsHandlerContext context) {
			context.setOutcome(outcome);
		}
		observation.stop();
	}

}

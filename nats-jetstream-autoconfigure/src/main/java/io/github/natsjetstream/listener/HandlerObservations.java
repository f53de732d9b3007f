package io.github.natsjetstream.listener;

import io.github.natsjetstream.observation.DefaultNatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerContext;
import io.github.natsjetstream.observation.NatsHandlerObservation;
import io.github.natsjetstream.observation.NatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.github.natsjetstream.observation.NatsHandlerTimers;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Message;
import org.jspecify.annotations.Nullable;

/**
 * Records the handlings of one handler: each as a {@code nats.handler} observation, or,
 * when the handler has {@link NatsHandlerTimers} instead, in the {@code nats.handler}
 * timer alone.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerObservations {

	private final ObservationRegistry registry;

	private final @Nullable NatsHandlerObservationConvention convention;

	private final NatsHandlerTimers.@Nullable HandlerTimer timer;

	private final String handlerId;

	private final String stream;

	/**
	 * Create a new instance.
	 * @param registry the registry of the observations
	 * @param convention their convention, or {@code null} for the default one
	 * @param timers the timers that record handlings without observing them, or
	 * {@code null} to observe them
	 * @param handlerId the id of the handler
	 * @param stream the stream it consumes
	 */
	HandlerObservations(ObservationRegistry registry, @Nullable NatsHandlerObservationConvention convention,
			@Nullable NatsHandlerTimers timers, String handlerId, String stream) {
		this.registry = registry;
		this.convention = convention;
		this.timer = (timers != null) ? timers.forHandler(handlerId, stream) : null;
		this.handlerId = handlerId;
		this.stream = stream;
	}

	/**
	 * Return whether handlings go unrecorded: then nothing is spent on recording them.
	 * @return whether there are no timers and the registry is a no-op
	 */
	boolean isNoop() {
		return this.timer == null && this.registry.isNoop();
	}

	/**
	 * Start recording the handling of a message.
	 * @param message the message
	 * @return the handling, started
	 */
	Handling start(Message message) {
		if (this.timer != null) {
			return new TimedHandling(this.timer);
		}
		NatsHandlerContext context = new NatsHandlerContext(message, this.handlerId, this.stream);
		return new ObservedHandling(NatsHandlerObservation.HANDLE
			.observation(this.convention, DefaultNatsHandlerObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start());
	}

	/**
	 * The handling of one message as it is recorded, from its delivery until it is
	 * settled.
	 */
	interface Handling {

		/**
		 * Put the handling in scope: its observation becomes the current one, so that what
		 * the handler observes, and the dead letter's publish, are its children.
		 * @return the scope to close
		 */
		Observation.Scope openScope();

		/**
		 * Record what the handler (or the client) threw.
		 * @param error the error
		 */
		void error(Throwable error);

		/**
		 * Stop recording: the message is settled.
		 * @param outcome how the handling ended
		 */
		void stop(NatsHandlerOutcome outcome);

	}

	/**
	 * A handling observed as a {@code nats.handler} observation.
	 */
	private static final class ObservedHandling implements Handling {

		private final Observation observation;

		ObservedHandling(Observation observation) {
			this.observation = observation;
		}

		@Override
		public Observation.Scope openScope() {
			return this.observation.openScope();
		}

		@Override
		public void error(Throwable error) {
			this.observation.error(error);
		}

		@Override
		public void stop(NatsHandlerOutcome outcome) {
			if (this.observation.getContext() instanceof NatsHandlerContext context) {
				context.setOutcome(outcome);
			}
			this.observation.stop();
		}

	}

	/**
	 * A handling recorded in the {@code nats.handler} timer alone.
	 */
	private static final class TimedHandling implements Handling {

		private final NatsHandlerTimers.HandlerTimer timer;

		private final long startNanos = System.nanoTime();

		private @Nullable Throwable error;

		TimedHandling(NatsHandlerTimers.HandlerTimer timer) {
			this.timer = timer;
		}

		@Override
		public Observation.Scope openScope() {
			return Observation.Scope.NOOP;
		}

		@Override
		public void error(Throwable error) {
			this.error = error;
		}

		@Override
		public void stop(NatsHandlerOutcome outcome) {
			this.timer.record(outcome, this.error, System.nanoTime() - this.startNanos);
		}

	}

}

package io.github.natsjetstream.observation;

import org.jspecify.annotations.Nullable;

/**
 * Records the {@code nats.handler} timer of each handling directly, without an
 * observation: what handlers do when {@code nats.jetstream.handler-observation-enabled} is
 * {@code false}, as Spring for Apache Kafka's listeners record their timer when their
 * observation is not enabled. The timer has the name and the tags that the
 * {@code nats.handler} observation gives it by default ({@code handler}, {@code stream},
 * {@code outcome} and {@code error}); there is no span, no trace context is continued,
 * and no observation convention or filter applies.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see NatsHandlerObservation
 */
@FunctionalInterface
public interface NatsHandlerTimers {

	/**
	 * Return the timer of one handler's handlings.
	 * @param handlerId the id of the handler
	 * @param stream the stream the handler consumes
	 * @return the timer
	 */
	HandlerTimer forHandler(String handlerId, String stream);

	/**
	 * Records one handler's handlings.
	 */
	@FunctionalInterface
	interface HandlerTimer {

		/**
		 * Record one handling.
		 * @param outcome how it ended
		 * @param error what the handler (or the client) threw, or {@code null}
		 * @param nanos how long it took, from the delivery until the message was settled
		 */
		void record(NatsHandlerOutcome outcome, @Nullable Throwable error, long nanos);

	}

}

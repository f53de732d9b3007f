package io.github.natsjetstream.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code nats.handler} observation of one delivery of a message to a handler, from
 * the delivery until the message is settled: acknowledged, redelivered later, or
 * dead-lettered. Its timer is tagged with the handler, the stream and the outcome; its
 * span also carries the subject and continues the trace of the publisher.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum NatsHandlerObservation implements ObservationDocumentation {

	/**
	 * One delivery of a message to a handler.
	 */
	HANDLE {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNatsHandlerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return HandlerLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HandlerHighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys of the {@code nats.handler} observation: tags of its timer.
	 */
	public enum HandlerLowCardinalityKeyNames implements KeyName {

		/**
		 * Id of the handler.
		 */
		HANDLER {

			@Override
			public String asString() {
				return "handler";
			}

		},

		/**
		 * Stream the handler consumes.
		 */
		STREAM {

			@Override
			public String asString() {
				return "stream";
			}

		},

		/**
		 * How the handling ended ({@link NatsHandlerOutcome}): {@code ack},
		 * {@code retry}, {@code dead-letter} or {@code error}. Known once the handling
		 * ended: the timer has it, the long task timer of handlings in progress does
		 * not.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

			@Override
			public boolean isRequired() {
				return false;
			}

		}

	}

	/**
	 * High-cardinality keys of the {@code nats.handler} observation: span attributes
	 * only.
	 */
	public enum HandlerHighCardinalityKeyNames implements KeyName {

		/**
		 * Subject of the message.
		 */
		SUBJECT {

			@Override
			public String asString() {
				return "subject";
			}

		}

	}

}

package io.github.natsjetstream.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code nats.publish} observation of a JetStream publish, from the call until the
 * stream's acknowledgement or the failure. Its timer is tagged with the stream and the
 * outcome; its span also carries the subject.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum NatsPublishObservation implements ObservationDocumentation {

	/**
	 * A publish to a JetStream subject.
	 */
	PUBLISH {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNatsPublishObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return PublishLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return PublishHighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys of the {@code nats.publish} observation: tags of its timer.
	 */
	public enum PublishLowCardinalityKeyNames implements KeyName {

		/**
		 * Stream that stored the message; {@code unknown} when no stream acknowledged
		 * it and none was found for the subject.
		 */
		STREAM {

			@Override
			public String asString() {
				return "stream";
			}

		},

		/**
		 * How the publish ended: {@code ack}, {@code duplicate} (the stream had the
		 * message id already), or the failure: {@code no-stream},
		 * {@code payload-too-large}, {@code wrong-expectation},
		 * {@code message-ttl-not-allowed}, {@code timeout}, {@code max-in-flight},
		 * {@code conversion}, {@code rejected}, {@code connection}, {@code interrupted}.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		}

	}

	/**
	 * High-cardinality keys of the {@code nats.publish} observation: span attributes
	 * only.
	 */
	public enum PublishHighCardinalityKeyNames implements KeyName {

		/**
		 * Subject the message was published to.
		 */
		SUBJECT {

			@Override
			public String asString() {
				return "subject";
			}

		}

	}

}

package io.github.natsjetstream.observation;

import io.github.natsjetstream.observation.NatsPublishObservation.PublishHighCardinalityKeyNames;
import io.github.natsjetstream.observation.NatsPublishObservation.PublishLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import io.nats.client.api.PublishAck;

/**
 * Default {@link NatsPublishObservationConvention}: the stream and the outcome as
 * low-cardinality keys, the subject as a high-cardinality one.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class DefaultNatsPublishObservationConvention implements NatsPublishObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultNatsPublishObservationConvention INSTANCE = new DefaultNatsPublishObservationConvention();

	private static final String UNKNOWN = "unknown";

	@Override
	public String getContextualName(NatsPublishContext context) {
		return "nats publish";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NatsPublishContext context) {
		String stream = context.getStream();
		return KeyValues.of(PublishLowCardinalityKeyNames.STREAM.withValue((stream != null) ? stream : UNKNOWN),
				PublishLowCardinalityKeyNames.OUTCOME.withValue(outcome(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(NatsPublishContext context) {
		return KeyValues.of(PublishHighCardinalityKeyNames.SUBJECT.withValue(context.getSubject()));
	}

	private static String outcome(NatsPublishContext context) {
		PublishAck ack = context.getAck();
		if (ack != null) {
			return ack.isDuplicate() ? "duplicate" : "ack";
		}
		String failure = context.getFailure();
		return (failure != null) ? failure : UNKNOWN;
	}

}

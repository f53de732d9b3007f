package io.github.natsjetstream.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsjetstream.observation.NatsHandlerObservation.HandlerHighCardinalityKeyNames;
import io.github.natsjetstream.observation.NatsHandlerObservation.HandlerLowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * Default {@link NatsHandlerObservationConvention}: the handler id, the stream and the
 * outcome as low-cardinality keys, the subject as a high-cardinality one.
 * <p>
 * The low-cardinality key values of each handler and outcome are made once and reused
 * for every message, and so are the high-cardinality ones of the first
 * 128 subjects of each handler.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class DefaultNatsHandlerObservationConvention implements NatsHandlerObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultNatsHandlerObservationConvention INSTANCE = new DefaultNatsHandlerObservationConvention();

	/**
	 * The most subjects per handler whose key values are kept.
	 */
	private static final int MAX_SUBJECTS_KEPT = 128;

	private final Map<String, HandlerKeyValues> handlers = new ConcurrentHashMap<>();

	@Override
	public String getContextualName(NatsHandlerContext context) {
		return "nats handle";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NatsHandlerContext context) {
		return keyValues(context).of(context.getOutcome());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(NatsHandlerContext context) {
		return keyValues(context).ofSubject(context.getSubject());
	}

	private HandlerKeyValues keyValues(NatsHandlerContext context) {
		HandlerKeyValues keyValues = this.handlers.get(context.getHandlerId());
		if (keyValues == null || !keyValues.stream.equals(context.getStream())) {
			keyValues = new HandlerKeyValues(context.getHandlerId(), context.getStream());
			this.handlers.put(context.getHandlerId(), keyValues);
		}
		return keyValues;
	}

	/**
	 * The low-cardinality key values of one handler: without an outcome while the
	 * message is handled, and with each outcome.
	 */
	private static final class HandlerKeyValues {

		private final String stream;

		private final KeyValues handling;

		private final KeyValues[] outcomes;

		private final Map<String, KeyValues> subjects = new ConcurrentHashMap<>();

		HandlerKeyValues(String handlerId, String stream) {
			this.stream = stream;
			KeyValue handler = HandlerLowCardinalityKeyNames.HANDLER.withValue(handlerId);
			KeyValue streamKey = HandlerLowCardinalityKeyNames.STREAM.withValue(stream);
			this.handling = KeyValues.of(handler, streamKey);
			NatsHandlerOutcome[] values = NatsHandlerOutcome.values();
			this.outcomes = new KeyValues[values.length];
			for (NatsHandlerOutcome outcome : values) {
				this.outcomes[outcome.ordinal()] = this.handling
					.and(HandlerLowCardinalityKeyNames.OUTCOME.withValue(outcome.getValue()));
			}
		}

		KeyValues of(@Nullable NatsHandlerOutcome outcome) {
			return (outcome != null) ? this.outcomes[outcome.ordinal()] : this.handling;
		}

		KeyValues ofSubject(String subject) {
			KeyValues keyValues = this.subjects.get(subject);
			if (keyValues == null) {
				keyValues = KeyValues.of(HandlerHighCardinalityKeyNames.SUBJECT.withValue(subject));
				if (this.subjects.size() < MAX_SUBJECTS_KEPT) {
					this.subjects.put(subject, keyValues);
				}
			}
			return keyValues;
		}

	}

}

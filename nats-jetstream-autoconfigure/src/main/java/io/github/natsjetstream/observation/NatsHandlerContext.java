package io.github.natsjetstream.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Context of the {@code nats.handler} observation: one delivery of a message to a
 * handler. Its carrier is the message, whose headers a propagating tracing handler reads
 * the trace context from ({@code traceparent}, {@code tracestate}), so that the handling
 * continues the publisher's trace.
 * <p>
 * The context keeps its low-cardinality key values as a whole between changes, so that
 * reading them (as the meter handler does when the handling starts and when it stops)
 * does not collect and sort them again: when a convention adds key values that cover all
 * the keys the context holds, as the default convention does with key values it made
 * once per handler and outcome, they become the context's key values as they are.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerContext extends ReceiverContext<Message> {

	private final String handlerId;

	private final String stream;

	private @Nullable NatsHandlerOutcome outcome;

	/**
	 * The low-cardinality key values as a whole, or {@code null} when they changed since
	 * they were last collected.
	 */
	private @Nullable KeyValues lowCardinalityKeyValues = KeyValues.empty();

	/**
	 * How many low-cardinality keys the context holds.
	 */
	private int lowCardinalityKeys;

	/**
	 * How many key values the latest {@link #addLowCardinalityKeyValues} added.
	 */
	private int lowCardinalityKeysAdded;

	/**
	 * Create a new context.
	 * @param message the message delivered
	 * @param handlerId the id of the handler
	 * @param stream the stream the handler consumes
	 */
	public NatsHandlerContext(Message message, String handlerId, String stream) {
		super(NatsHandlerContext::header, Kind.CONSUMER);
		setCarrier(message);
		setRemoteServiceName("nats");
		this.handlerId = handlerId;
		this.stream = stream;
	}

	private static @Nullable String header(@Nullable Message message, String name) {
		Headers headers = (message != null) ? message.getHeaders() : null;
		return (headers != null) ? headers.getFirst(name) : null;
	}

	/**
	 * Return the message delivered.
	 * @return the message
	 */
	public Message getMessage() {
		Message message = getCarrier();
		if (message == null) {
			throw new IllegalStateException("No message");
		}
		return message;
	}

	/**
	 * Return the subject of the message.
	 * @return the subject
	 */
	public String getSubject() {
		return getMessage().getSubject();
	}

	/**
	 * Return the id of the handler.
	 * @return the handler id
	 */
	public String getHandlerId() {
		return this.handlerId;
	}

	/**
	 * Return the stream the handler consumes.
	 * @return the stream name
	 */
	public String getStream() {
		return this.stream;
	}

	/**
	 * Return how the handling ended.
	 * @return the outcome, or {@code null} while the message is being handled
	 */
	public @Nullable NatsHandlerOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Record how the handling ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(NatsHandlerOutcome outcome) {
		this.outcome = outcome;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		if (getLowCardinalityKeyValue(keyValue.getKey()) == null) {
			this.lowCardinalityKeys++;
		}
		super.addLowCardinalityKeyValue(keyValue);
		this.lowCardinalityKeyValues = null;
		this.lowCardinalityKeysAdded++;
		return this;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		this.lowCardinalityKeysAdded = 0;
		super.addLowCardinalityKeyValues(keyValues);
		if (this.lowCardinalityKeysAdded == this.lowCardinalityKeys) {
			// The keys just added are all the context holds.
			this.lowCardinalityKeyValues = keyValues;
		}
		return this;
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		if (getLowCardinalityKeyValue(keyName) != null) {
			this.lowCardinalityKeys--;
		}
		super.removeLowCardinalityKeyValue(keyName);
		this.lowCardinalityKeyValues = null;
		return this;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		KeyValues keyValues = this.lowCardinalityKeyValues;
		if (keyValues == null) {
			keyValues = super.getLowCardinalityKeyValues();
			this.lowCardinalityKeyValues = keyValues;
		}
		return keyValues;
	}

}

package io.github.natsjetstream.observation;

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
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerContext extends ReceiverContext<Message> {

	private final String handlerId;

	private final String stream;

	private @Nullable NatsHandlerOutcome outcome;

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

}

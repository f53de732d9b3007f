package io.github.natsjetstream.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Context of the {@code nats.publish} observation. Its carrier is the headers of the
 * message being published, so that a propagating tracing handler writes the trace
 * context ({@code traceparent}, {@code tracestate}) into them before the message is
 * sent.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsPublishContext extends SenderContext<Headers> {

	private final String subject;

	private @Nullable PublishAck ack;

	private @Nullable String stream;

	private @Nullable String failure;

	/**
	 * Create a new context.
	 * @param subject the subject the message is published to
	 * @param headers the headers of the message, written to by trace propagation
	 */
	public NatsPublishContext(String subject, Headers headers) {
		super(NatsPublishContext::setHeader, Kind.PRODUCER);
		setCarrier(headers);
		setRemoteServiceName("nats");
		this.subject = subject;
	}

	private static void setHeader(@Nullable Headers headers, String name, String value) {
		if (headers != null) {
			headers.put(name, value);
		}
	}

	/**
	 * Return the subject the message is published to.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * Return the stream's acknowledgement, once the publish succeeded.
	 * @return the acknowledgement, or {@code null}
	 */
	public @Nullable PublishAck getAck() {
		return this.ack;
	}

	/**
	 * Record the stream's acknowledgement.
	 * @param ack the acknowledgement
	 */
	public void setAck(PublishAck ack) {
		this.ack = ack;
	}

	/**
	 * Return the stream that stored the message, or that captures the subject when the
	 * publish failed and the stream is known.
	 * @return the stream name, or {@code null}
	 */
	public @Nullable String getStream() {
		return (this.ack != null) ? this.ack.getStream() : this.stream;
	}

	/**
	 * Return the failure, as an {@code outcome} value, when the publish failed.
	 * @return the failure, or {@code null}
	 */
	public @Nullable String getFailure() {
		return this.failure;
	}

	/**
	 * Record that the publish failed.
	 * @param failure the failure, as an {@code outcome} value
	 * @param stream the stream that captures the subject, if known
	 */
	public void setFailure(String failure, @Nullable String stream) {
		this.failure = failure;
		this.stream = stream;
	}

}

package io.github.natsjetstream.core;

import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Turns a payload into the bytes of a NATS message with the {@link MessageConverter} that
 * handler arguments are converted with, and records its content type in the
 * {@code Content-Type} header unless the headers have one already.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class PayloadWriter {

	static final String CONTENT_TYPE = "Content-Type";

	private final MessageConverter converter;

	PayloadWriter(MessageConverter converter) {
		this.converter = converter;
	}

	/**
	 * Convert the payload.
	 * @param subject the subject it is published to, for errors
	 * @param payload the payload
	 * @param headers the headers of the message, to which the content type is added
	 * @return the bytes to publish
	 * @throws NatsPublishException when no converter produces bytes
	 */
	byte[] write(String subject, Object payload, Headers headers) {
		// Mutable headers: no id or timestamp is generated for a message that is never sent
		// as such.
		MessageHeaderAccessor accessor = new MessageHeaderAccessor();
		accessor.setLeaveMutable(true);
		Message<?> message;
		try {
			message = this.converter.toMessage(payload, accessor.getMessageHeaders());
		}
		catch (RuntimeException ex) {
			throw PublishFailures.conversion(subject, payload, ex);
		}
		if (message == null || !(message.getPayload() instanceof byte[] bytes)) {
			throw PublishFailures.conversion(subject, payload, null);
		}
		@Nullable Object contentType = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
		if (contentType != null && !headers.containsKeyIgnoreCase(CONTENT_TYPE)) {
			headers.put(CONTENT_TYPE, contentType.toString());
		}
		return bytes;
	}

}

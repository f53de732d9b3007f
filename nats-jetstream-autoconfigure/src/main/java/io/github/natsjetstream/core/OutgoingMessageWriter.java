package io.github.natsjetstream.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Turns a payload and the options of a publish into the headers and body of a NATS
 * message. The payload is converted with the {@link MessageConverter} that converts
 * handler arguments, and its content type recorded in the {@code Content-Type} header
 * unless the options' headers have one.
 * <p>
 * Headers that nothing adds to (no headers in the options, no observation to write the
 * trace context) are shared, read-only, one instance per content type: jnats copies
 * headers it may not keep as they are, so a message of its own would cost two copies.
 * The last content type is remembered by identity (a converter returns the same
 * {@code MimeType} instance for each payload it writes alike), which spares the lookup by
 * name for a run of such payloads.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class OutgoingMessageWriter {

	static final String CONTENT_TYPE = "Content-Type";

	private static final int MAX_SHARED_HEADERS = 64;

	private final MessageConverter converter;

	private final ConcurrentMap<String, Headers> sharedHeaders = new ConcurrentHashMap<>();

	private volatile @Nullable LastSharedHeaders lastSharedHeaders;

	OutgoingMessageWriter(MessageConverter converter) {
		this.converter = converter;
	}

	/**
	 * Convert the payload and compose the headers.
	 * @param subject the subject the message is published to, for errors
	 * @param payload the payload
	 * @param options the options, whose headers the message carries
	 * @param mutableHeaders whether the headers will be added to (by trace propagation)
	 * @return the message
	 * @throws NatsPublishException when no converter produces bytes
	 */
	OutgoingMessage write(String subject, Object payload, NatsPublishOptions options, boolean mutableHeaders) {
		Message<?> converted = convert(subject, payload);
		byte[] body = (byte[]) converted.getPayload();
		Object contentType = converted.getHeaders().get(MessageHeaders.CONTENT_TYPE);
		Headers optionHeaders = options.getHeaders();
		if (!mutableHeaders && optionHeaders.isEmpty() && contentType != null) {
			Headers shared = sharedHeaders(contentType);
			if (shared != null) {
				return new OutgoingMessage(shared, body);
			}
		}
		Headers headers = new Headers(optionHeaders);
		if (contentType != null && !headers.containsKeyIgnoreCase(CONTENT_TYPE)) {
			headers.put(CONTENT_TYPE, contentType.toString());
		}
		return new OutgoingMessage(headers, body);
	}

	private Message<?> convert(String subject, Object payload) {
		// Mutable message headers: no id or timestamp is generated for a message that is
		// never sent as such.
		MessageHeaderAccessor accessor = new MessageHeaderAccessor();
		accessor.setLeaveMutable(true);
		Message<?> message;
		try {
			message = this.converter.toMessage(payload, accessor.getMessageHeaders());
		}
		catch (RuntimeException ex) {
			throw PublishFailures.conversion(subject, payload, ex);
		}
		if (message == null || !(message.getPayload() instanceof byte[])) {
			throw PublishFailures.conversion(subject, payload, null);
		}
		return message;
	}

	private @Nullable Headers sharedHeaders(Object contentType) {
		LastSharedHeaders last = this.lastSharedHeaders;
		if (last != null && last.contentType() == contentType) {
			return last.headers();
		}
		String name = contentType.toString();
		Headers shared = this.sharedHeaders.get(name);
		if (shared == null && this.sharedHeaders.size() < MAX_SHARED_HEADERS) {
			shared = this.sharedHeaders.computeIfAbsent(name, OutgoingMessageWriter::readOnlyHeaders);
		}
		if (shared != null) {
			this.lastSharedHeaders = new LastSharedHeaders(contentType, shared);
		}
		return shared;
	}

	private static Headers readOnlyHeaders(String contentType) {
		Headers headers = new Headers(new Headers().put(CONTENT_TYPE, contentType), true);
		// Serialized once here, so that no publish writes to the shared instance.
		headers.getSerialized();
		return headers;
	}

	/**
	 * The shared headers of the content type last written.
	 */
	private record LastSharedHeaders(Object contentType, Headers headers) {
	}

}

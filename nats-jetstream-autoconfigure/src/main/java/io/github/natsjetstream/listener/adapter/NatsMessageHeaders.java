package io.github.natsjetstream.listener.adapter;

import java.util.Map;

import org.springframework.messaging.MessageHeaders;

/**
 * {@link MessageHeaders} that skip generating an id and a timestamp per message: the
 * JetStream metadata already identifies and dates each message.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class NatsMessageHeaders extends MessageHeaders {

	NatsMessageHeaders(Map<String, Object> headers) {
		super(headers, ID_VALUE_NONE, -1L);
	}

}

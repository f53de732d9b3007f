package io.github.natsjetstream.listener.adapter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.support.NatsHeaders;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Turns a JetStream message into a spring-messaging message: the payload as bytes, the
 * NATS headers under their own names, and the JetStream metadata under the names of
 * {@link NatsHeaders}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class SpringMessageFactory {

	private static final String NATS_CONTENT_TYPE = "Content-Type";

	private SpringMessageFactory() {
	}

	/**
	 * Create a spring-messaging message for a JetStream message.
	 * @param message the JetStream message
	 * @return the spring-messaging message
	 */
	public static org.springframework.messaging.Message<byte[]> create(Message message) {
		Map<String, Object> headers = new HashMap<>(16);
		headers.put(NatsHeaders.SUBJECT, message.getSubject());
		headers.put(NatsHeaders.RAW_MESSAGE, message);
		if (message.isJetStream()) {
			NatsJetStreamMetaData metaData = message.metaData();
			headers.put(NatsHeaders.STREAM, metaData.getStream());
			headers.put(NatsHeaders.CONSUMER, metaData.getConsumer());
			headers.put(NatsHeaders.STREAM_SEQUENCE, metaData.streamSequence());
			headers.put(NatsHeaders.CONSUMER_SEQUENCE, metaData.consumerSequence());
			headers.put(NatsHeaders.DELIVERY_COUNT, metaData.deliveredCount());
			headers.put(NatsHeaders.PENDING, metaData.pendingCount());
			headers.put(NatsHeaders.TIMESTAMP, metaData.timestamp());
		}
		Headers natsHeaders = message.getHeaders();
		if (natsHeaders != null && !natsHeaders.isEmpty()) {
			for (String name : natsHeaders.keySet()) {
				List<String> values = natsHeaders.get(name);
				if (values != null && !values.isEmpty()) {
					headers.put(name, (values.size() == 1) ? values.get(0) : List.copyOf(values));
				}
			}
			String contentType = natsHeaders.getFirst(NATS_CONTENT_TYPE);
			if (contentType != null) {
				headers.put(MessageHeaders.CONTENT_TYPE, contentType);
			}
		}
		byte[] payload = message.getData();
		return new GenericMessage<>((payload != null) ? payload : new byte[0], new NatsMessageHeaders(headers));
	}

}

package io.github.natsjetstream.listener.adapter;

import io.github.natsjetstream.support.NatsHeaders;
import io.nats.client.Message;

import org.springframework.messaging.support.GenericMessage;

/**
 * Turns a JetStream message into a spring-messaging message: the payload as bytes, the
 * NATS headers under their own names, and the JetStream metadata under the names of
 * {@link NatsHeaders}, read from the message only when asked for.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class SpringMessageFactory {

	private static final byte[] EMPTY = new byte[0];

	private SpringMessageFactory() {
	}

	/**
	 * Create a spring-messaging message for a JetStream message.
	 * @param message the JetStream message
	 * @return the spring-messaging message
	 */
	public static org.springframework.messaging.Message<byte[]> create(Message message) {
		byte[] payload = message.getData();
		return new GenericMessage<>((payload != null) ? payload : EMPTY, new NatsMessageHeaders(message));
	}

}

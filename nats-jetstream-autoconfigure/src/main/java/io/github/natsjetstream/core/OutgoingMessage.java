package io.github.natsjetstream.core;

import io.nats.client.impl.Headers;

/**
 * A message ready to publish.
 *
 * @param headers its headers
 * @param body its body
 * @author NATS JetStream Spring Boot Starter contributors
 */
record OutgoingMessage(Headers headers, byte[] body) {

	/**
	 * Return the size of the message as the server counts it against its
	 * {@code max_payload}: body and headers.
	 * @return the size in bytes
	 */
	int size() {
		return this.body.length + (this.headers.isEmpty() ? 0 : this.headers.serializedLength());
	}

}

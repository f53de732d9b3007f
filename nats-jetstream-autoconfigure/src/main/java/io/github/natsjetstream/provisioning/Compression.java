package io.github.natsjetstream.provisioning;

import io.nats.client.api.CompressionOption;

/**
 * How a stream compresses the messages it stores (nats-server 2.10 or later).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum Compression {

	/**
	 * Messages are stored as they are.
	 */
	NONE(CompressionOption.None),

	/**
	 * Messages are stored compressed with S2.
	 */
	S2(CompressionOption.S2);

	private final CompressionOption jnats;

	Compression(CompressionOption jnats) {
		this.jnats = jnats;
	}

	/**
	 * Return the jnats equivalent.
	 * @return the jnats compression option
	 */
	public CompressionOption toJnats() {
		return this.jnats;
	}

}

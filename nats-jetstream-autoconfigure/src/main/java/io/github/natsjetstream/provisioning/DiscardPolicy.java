package io.github.natsjetstream.provisioning;

/**
 * What a stream discards when it reaches a limit.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum DiscardPolicy {

	/**
	 * Remove the oldest messages to make room.
	 */
	OLD(io.nats.client.api.DiscardPolicy.Old),

	/**
	 * Refuse new messages.
	 */
	NEW(io.nats.client.api.DiscardPolicy.New);

	private final io.nats.client.api.DiscardPolicy jnats;

	DiscardPolicy(io.nats.client.api.DiscardPolicy jnats) {
		this.jnats = jnats;
	}

	/**
	 * Return the jnats equivalent.
	 * @return the jnats discard policy
	 */
	public io.nats.client.api.DiscardPolicy toJnats() {
		return this.jnats;
	}

}

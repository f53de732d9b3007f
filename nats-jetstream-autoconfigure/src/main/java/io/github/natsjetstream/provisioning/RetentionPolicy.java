package io.github.natsjetstream.provisioning;

/**
 * When a stream removes messages.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum RetentionPolicy {

	/**
	 * Messages are kept until a limit (age, size, count) removes them.
	 */
	LIMITS(io.nats.client.api.RetentionPolicy.Limits),

	/**
	 * Messages are kept while a consumer is interested in them.
	 */
	INTEREST(io.nats.client.api.RetentionPolicy.Interest),

	/**
	 * Each message is removed once one consumer acknowledges it.
	 */
	WORK_QUEUE(io.nats.client.api.RetentionPolicy.WorkQueue);

	private final io.nats.client.api.RetentionPolicy jnats;

	RetentionPolicy(io.nats.client.api.RetentionPolicy jnats) {
		this.jnats = jnats;
	}

	/**
	 * Return the jnats equivalent.
	 * @return the jnats retention policy
	 */
	public io.nats.client.api.RetentionPolicy toJnats() {
		return this.jnats;
	}

}

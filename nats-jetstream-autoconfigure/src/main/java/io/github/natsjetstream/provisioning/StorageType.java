package io.github.natsjetstream.provisioning;

/**
 * Where a stream or key-value bucket keeps its messages.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum StorageType {

	/**
	 * On disk.
	 */
	FILE(io.nats.client.api.StorageType.File),

	/**
	 * In memory.
	 */
	MEMORY(io.nats.client.api.StorageType.Memory);

	private final io.nats.client.api.StorageType jnats;

	StorageType(io.nats.client.api.StorageType jnats) {
		this.jnats = jnats;
	}

	/**
	 * Return the jnats equivalent.
	 * @return the jnats storage type
	 */
	public io.nats.client.api.StorageType toJnats() {
		return this.jnats;
	}

}

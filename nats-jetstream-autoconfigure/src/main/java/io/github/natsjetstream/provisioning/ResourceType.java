package io.github.natsjetstream.provisioning;

/**
 * Kinds of JetStream resources that are provisioned.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum ResourceType {

	/**
	 * A stream.
	 */
	STREAM("Stream", "stream"),

	/**
	 * A key-value bucket.
	 */
	KEY_VALUE("Key-value bucket", "bucket"),

	/**
	 * A durable consumer of a {@code @NatsHandler}, named {@code <stream> > <durable>}.
	 */
	CONSUMER("Consumer", "consumer");

	private final String displayName;

	private final String noun;

	ResourceType(String displayName, String noun) {
		this.displayName = displayName;
		this.noun = noun;
	}

	/**
	 * Return the name of the kind of resource, to start a sentence with.
	 * @return the display name, for example {@code Stream}
	 */
	public String getDisplayName() {
		return this.displayName;
	}

	/**
	 * Return the name of the kind of resource within a sentence.
	 * @return the noun, for example {@code bucket}
	 */
	public String getNoun() {
		return this.noun;
	}

	/**
	 * Describe a resource of this kind, for example {@code Stream 'ORDERS'}.
	 * @param name the name of the resource
	 * @return the description
	 */
	public String describe(String name) {
		return this.displayName + " '" + name + "'";
	}

}

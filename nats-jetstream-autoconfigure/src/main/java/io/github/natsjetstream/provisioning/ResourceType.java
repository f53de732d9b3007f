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
	STREAM("Stream"),

	/**
	 * A key-value bucket.
	 */
	KEY_VALUE("Key-value bucket");

	private final String displayName;

	ResourceType(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * Return the name of the kind of resource, to start a sentence with.
	 * @return the display name, for example {@code Stream}
	 */
	public String getDisplayName() {
		return this.displayName;
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

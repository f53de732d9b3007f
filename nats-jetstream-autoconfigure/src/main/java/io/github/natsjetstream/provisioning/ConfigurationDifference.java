package io.github.natsjetstream.provisioning;

import org.springframework.util.Assert;

/**
 * One field in which a JetStream resource on the server differs from its declaration.
 *
 * @param field the name of the field, as in the JetStream API (for example
 * {@code max_age})
 * @param current the value on the server, formatted for people
 * @param wanted the declared value, formatted for people
 * @param updatable whether JetStream can change the field of an existing resource
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ConfigurationDifference(String field, String current, String wanted, boolean updatable) {

	/**
	 * Create a new instance.
	 * @param field the name of the field
	 * @param current the value on the server
	 * @param wanted the declared value
	 * @param updatable whether JetStream can change the field in place
	 */
	public ConfigurationDifference {
		Assert.hasText(field, "'field' must not be empty");
		Assert.notNull(current, "'current' must not be null");
		Assert.notNull(wanted, "'wanted' must not be null");
	}

	/**
	 * Return the difference as {@code field: current -> wanted}.
	 * @return the description of the difference
	 */
	@Override
	public String toString() {
		return this.field + ": " + this.current + " -> " + this.wanted;
	}

}

package io.github.natsjetstream.config;

import java.util.List;

/**
 * Thrown at startup when {@code nats.jetstream.handlers.<id>} configures an id that no
 * handler has, most often a typo, which would otherwise be ignored.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class UnknownHandlerIdException extends InvalidHandlerException {

	private final String configuredId;

	private final List<String> closestIds;

	/**
	 * Create a new instance.
	 * @param message the detail message
	 * @param configuredId the id as configured
	 * @param closestIds the ids of the handlers closest to it, closest first
	 */
	public UnknownHandlerIdException(String message, String configuredId, List<String> closestIds) {
		super(message);
		this.configuredId = configuredId;
		this.closestIds = List.copyOf(closestIds);
	}

	/**
	 * Return the id as configured.
	 * @return the configured id
	 */
	public String getConfiguredId() {
		return this.configuredId;
	}

	/**
	 * Return the ids of the handlers closest to the configured one, closest first.
	 * @return the closest ids, empty when the application has no handler
	 */
	public List<String> getClosestIds() {
		return this.closestIds;
	}

}

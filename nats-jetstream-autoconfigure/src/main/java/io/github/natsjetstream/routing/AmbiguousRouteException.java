package io.github.natsjetstream.routing;

import io.github.natsjetstream.support.NatsJetStreamException;

/**
 * Thrown when two routes are equally specific for some subject.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class AmbiguousRouteException extends NatsJetStreamException {

	/**
	 * Create a new instance.
	 * @param pattern the pattern both routes declare
	 * @param first the first route's target
	 * @param second the second route's target
	 */
	public AmbiguousRouteException(String pattern, String first, String second) {
		super("Ambiguous routes: " + first + " and " + second + " are equally specific for subjects matching '"
				+ pattern + "'; give one of them a more specific pattern");
	}

}

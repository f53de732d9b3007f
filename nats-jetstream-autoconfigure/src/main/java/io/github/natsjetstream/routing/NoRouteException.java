package io.github.natsjetstream.routing;

import io.github.natsjetstream.support.NatsJetStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when no route of a class-level handler matches a message's subject.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NoRouteException extends NatsJetStreamException {

	/**
	 * Create a new instance.
	 * @param subject the subject no route matched
	 * @param handler the handler
	 */
	public NoRouteException(@Nullable String subject, String handler) {
		super("No route of " + handler + " matches subject '" + subject + "'");
	}

}

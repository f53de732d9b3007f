package io.github.natsjetstream.config;

import org.springframework.messaging.Message;

/**
 * Invokes the handler method that a message is for.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@FunctionalInterface
public interface HandlerInvoker {

	/**
	 * Invoke the handler method for the message.
	 * @param message the message, with the NATS headers of
	 * {@link io.github.natsjetstream.support.NatsHeaders}
	 * @throws io.github.natsjetstream.routing.NoRouteException when no method handles the
	 * message's subject
	 * @throws Exception what the handler method or argument resolution threw
	 */
	void invoke(Message<byte[]> message) throws Exception;

}

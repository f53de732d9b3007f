package io.github.natsjetstream.listener.adapter;

import org.springframework.messaging.Message;

/**
 * Invokes the handler method that a message is for.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public interface HandlerInvoker {

	/**
	 * Invoke the handler method for the message.
	 * @param message the message, as made by {@link SpringMessageFactory}
	 * @throws NoRouteException when no method handles the message's subject
	 * @throws Exception what the handler method or argument resolution threw
	 */
	void invoke(Message<byte[]> message) throws Exception;

	/**
	 * Describe the handler methods, for logs and errors.
	 * @return a description
	 */
	String describe();

}

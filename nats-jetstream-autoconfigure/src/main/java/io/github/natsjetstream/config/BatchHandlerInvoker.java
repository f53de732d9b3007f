package io.github.natsjetstream.config;

import java.util.List;

import org.springframework.messaging.Message;

/**
 * Invokes a batch handler: a {@code @NatsHandler} method that takes a {@code List}.
 * Each message is converted to an element of that list on its own, so that a message that
 * cannot be converted fails alone; the method then receives the elements of the others.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public interface BatchHandlerInvoker extends HandlerInvoker {

	/**
	 * Convert one message into the element the handler's list holds for it: its payload
	 * converted to the element type, the JetStream message, or a spring-messaging message
	 * with the converted payload.
	 * @param message the message, with the NATS headers of
	 * {@link io.github.natsjetstream.support.NatsHeaders}
	 * @return the element
	 * @throws Exception when the message cannot be converted or is not valid
	 */
	Object convert(Message<byte[]> message) throws Exception;

	/**
	 * Invoke the handler method with a batch.
	 * @param elements the elements of the converted messages, in the order of the messages
	 * @throws Exception what the handler method threw, a
	 * {@link io.github.natsjetstream.retry.NatsBatchFailedException} naming one element
	 * among others
	 */
	void invokeBatch(List<Object> elements) throws Exception;

	/**
	 * Invoke the handler method with a batch of one message.
	 * @param message the message
	 * @throws Exception when the message cannot be converted, or what the handler threw
	 */
	@Override
	default void invoke(Message<byte[]> message) throws Exception {
		invokeBatch(List.of(convert(message)));
	}

}

package io.github.natsjetstream.listener.adapter;

import io.github.natsjetstream.config.HandlerInvoker;

import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;

/**
 * A {@link HandlerInvoker} for a method-level handler: every message goes to one method.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class MethodHandlerInvoker implements HandlerInvoker {

	private final InvocableHandlerMethod method;

	/**
	 * Create a new instance.
	 * @param method the handler method
	 */
	public MethodHandlerInvoker(InvocableHandlerMethod method) {
		Assert.notNull(method, "'method' must not be null");
		this.method = method;
	}

	@Override
	public void invoke(Message<byte[]> message) throws Exception {
		this.method.invoke(message);
	}

}

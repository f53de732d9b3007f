package io.github.natsjetstream.listener.adapter;

import io.github.natsjetstream.config.HandlerInvoker;
import io.github.natsjetstream.routing.NoRouteException;
import io.github.natsjetstream.routing.SubjectRouter;
import io.github.natsjetstream.support.NatsHeaders;

import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;

/**
 * A {@link HandlerInvoker} for a class-level handler: each message goes to the
 * {@code @NatsRoute} method whose pattern is most specific for its subject.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class RoutingHandlerInvoker implements HandlerInvoker {

	private final SubjectRouter<InvocableHandlerMethod> router;

	private final String description;

	/**
	 * Create a new instance.
	 * @param router the routes
	 * @param description a description of the handler class
	 */
	public RoutingHandlerInvoker(SubjectRouter<InvocableHandlerMethod> router, String description) {
		Assert.notNull(router, "'router' must not be null");
		this.router = router;
		this.description = description;
	}

	@Override
	public void invoke(Message<byte[]> message) throws Exception {
		String subject = (String) message.getHeaders().get(NatsHeaders.SUBJECT);
		InvocableHandlerMethod method = (subject != null) ? this.router.route(subject) : null;
		if (method == null) {
			throw new NoRouteException(subject, this.description);
		}
		method.invoke(message);
	}

}

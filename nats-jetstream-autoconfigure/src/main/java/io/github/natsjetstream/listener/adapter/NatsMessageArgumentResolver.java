package io.github.natsjetstream.listener.adapter;

import io.github.natsjetstream.support.NatsHeaders;
import io.nats.client.impl.NatsJetStreamMetaData;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Resolves handler method parameters of type {@link io.nats.client.Message} (the
 * JetStream message itself) and {@link NatsJetStreamMetaData} (its metadata).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsMessageArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == io.nats.client.Message.class || type == NatsJetStreamMetaData.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {
		io.nats.client.Message raw = message.getHeaders().get(NatsHeaders.RAW_MESSAGE, io.nats.client.Message.class);
		if (raw == null) {
			throw new IllegalStateException("No JetStream message in header " + NatsHeaders.RAW_MESSAGE);
		}
		return (parameter.getParameterType() == NatsJetStreamMetaData.class) ? raw.metaData() : raw;
	}

}

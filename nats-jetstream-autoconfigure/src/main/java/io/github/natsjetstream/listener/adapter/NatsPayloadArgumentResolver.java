package io.github.natsjetstream.listener.adapter;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;
import org.springframework.util.ClassUtils;
import org.springframework.validation.Validator;

/**
 * Resolves a handler method's payload parameter as spring-messaging's
 * {@link PayloadMethodArgumentResolver} does, except for a message without a payload:
 * there is nothing to convert, which is a conversion failure (dead-lettered with reason
 * {@code conversion}), where spring-messaging reports a validation failure. A parameter
 * annotated {@code @Payload(required = false)} still receives {@code null}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsPayloadArgumentResolver extends PayloadMethodArgumentResolver {

	/**
	 * Create a new instance.
	 * @param messageConverter converts payloads to the parameter types
	 * @param validator validates converted payloads, or {@code null}
	 */
	public NatsPayloadArgumentResolver(MessageConverter messageConverter, @Nullable Validator validator) {
		super(messageConverter, validator);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
		if (isEmptyPayload(message.getPayload())) {
			Payload payload = parameter.getParameterAnnotation(Payload.class);
			if (payload == null || payload.required()) {
				throw new MessageConversionException(message, "The message has no payload to convert to "
						+ ClassUtils.getShortName(parameter.getParameterType()) + " (parameter "
						+ parameter.getParameterIndex() + " of " + parameter.getExecutable().getName() + ")");
			}
		}
		return super.resolveArgument(parameter, message);
	}

}

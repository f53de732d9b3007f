package io.github.natsjetstream.benchmarks.experiment;

import java.lang.reflect.Method;

import io.github.natsjetstream.config.HandlerInvoker;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.util.ReflectionUtils;

/**
 * An upper bound for a fast path the library could take for methods with a single payload
 * parameter (no {@code @Header}, no validation): convert the payload with the handler
 * message converter and call the method, without spring-messaging's argument resolution.
 */
public final class DirectPayloadInvoker implements HandlerInvoker {

	private final Object bean;

	private final Method method;

	private final MethodParameter parameter;

	private final SmartMessageConverter converter;

	/**
	 * Create an invoker.
	 * @param bean the handler bean
	 * @param method its method, with a single payload parameter
	 * @param converter the handler message converter (a {@link SmartMessageConverter})
	 */
	public DirectPayloadInvoker(Object bean, Method method, MessageConverter converter) {
		this.bean = bean;
		this.method = method;
		ReflectionUtils.makeAccessible(method);
		this.parameter = new MethodParameter(method, 0);
		this.converter = (SmartMessageConverter) converter;
	}

	@Override
	public void invoke(Message<byte[]> message) throws Exception {
		Object payload = this.converter.fromMessage(message, this.parameter.getParameterType(), this.parameter);
		this.method.invoke(this.bean, payload);
	}

}

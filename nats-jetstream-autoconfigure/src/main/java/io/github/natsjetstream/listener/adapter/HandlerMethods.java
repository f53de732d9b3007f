package io.github.natsjetstream.listener.adapter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.messaging.handler.HandlerMethod;
import org.springframework.util.ClassUtils;

/**
 * Describes handler methods for logs and error messages, as
 * {@code SimpleClassName.method(ParameterType, ...)}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class HandlerMethods {

	private HandlerMethods() {
	}

	/**
	 * Describe a handler method.
	 * @param method the method
	 * @return the description
	 */
	public static String describe(HandlerMethod method) {
		return describe(method.getBeanType(), method.getMethod());
	}

	/**
	 * Describe a method of a class.
	 * @param type the class (the user class, not a proxy)
	 * @param method the method
	 * @return the description
	 */
	public static String describe(Class<?> type, Method method) {
		String parameters = Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		return ClassUtils.getUserClass(type).getSimpleName() + "." + method.getName() + "(" + parameters + ")";
	}

}

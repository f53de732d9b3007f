package io.github.natsjetstream.annotation;

import java.lang.reflect.Method;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A {@link NatsHandler @NatsHandler} found on a bean, before its settings are resolved:
 * either one method, or a class with its {@link NatsRoute @NatsRoute} methods.
 *
 * @param bean the bean
 * @param beanName the bean name
 * @param beanType the user class of the bean
 * @param annotation the handler annotation
 * @param method the handler method, for a method-level handler
 * @param routes the route methods and their annotations, for a class-level handler
 * @author NATS JetStream Spring Boot Starter contributors
 */
record HandlerDeclaration(Object bean, String beanName, Class<?> beanType, NatsHandler annotation,
		@Nullable Method method, Map<Method, NatsRoute> routes) {

}

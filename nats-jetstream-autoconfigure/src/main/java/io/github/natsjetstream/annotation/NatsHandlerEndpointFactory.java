package io.github.natsjetstream.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.natsjetstream.config.DeclaredHandlerSettings;
import io.github.natsjetstream.config.HandlerInvoker;
import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.HandlerSettingsResolver;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
import io.github.natsjetstream.listener.adapter.MethodHandlerInvoker;
import io.github.natsjetstream.listener.adapter.RoutingHandlerInvoker;
import io.github.natsjetstream.routing.AmbiguousRouteException;
import io.github.natsjetstream.routing.SubjectPattern;
import io.github.natsjetstream.routing.SubjectRouter;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Turns a {@link NatsHandler @NatsHandler} declaration into a {@link NatsHandlerEndpoint}:
 * resolves placeholders and expressions, validates the subjects, derives the id and the
 * durable name, resolves the settings, and prepares the handler methods for invocation.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class NatsHandlerEndpointFactory {

	private final ConfigurableListableBeanFactory beanFactory;

	private final MessageHandlerMethodFactory methodFactory;

	private final BatchInvokers batchInvokers;

	private final HandlerSettingsResolver settingsResolver;

	private final HandlerAttributeParser attributeParser;

	private final @Nullable String applicationName;

	/**
	 * Create a new instance.
	 * @param beanFactory the bean factory, for placeholders and expressions
	 * @param methodFactory makes handler methods invocable
	 * @param batchInvokers makes batch methods invocable
	 * @param settingsResolver resolves the handlers' settings
	 */
	NatsHandlerEndpointFactory(ConfigurableListableBeanFactory beanFactory, MessageHandlerMethodFactory methodFactory,
			BatchInvokers batchInvokers, HandlerSettingsResolver settingsResolver) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(methodFactory, "'methodFactory' must not be null");
		Assert.notNull(settingsResolver, "'settingsResolver' must not be null");
		this.beanFactory = beanFactory;
		this.methodFactory = methodFactory;
		this.batchInvokers = batchInvokers;
		this.settingsResolver = settingsResolver;
		this.attributeParser = new HandlerAttributeParser(this::resolve);
		this.applicationName = resolve("${spring.application.name:}");
	}

	NatsHandlerEndpoint create(HandlerDeclaration declaration) {
		NatsHandler annotation = declaration.annotation();
		Method method = declaration.method();
		String description = (method != null) ? describe(declaration.beanType(), method)
				: declaration.beanType().getSimpleName() + " (class-level @NatsHandler)";
		String[] declaredSubjects = (annotation.subjects().length > 0) ? annotation.subjects() : annotation.value();
		List<String> subjects = subjects(declaredSubjects, description, "subjects");
		if (subjects.isEmpty()) {
			throw new InvalidHandlerException("@NatsHandler on " + description + " declares no subject");
		}
		String id = resolveOrDefault(annotation.id(),
				(method != null) ? declaration.beanName() + "-" + method.getName() : declaration.beanName());
		String durable = resolveOrDefault(annotation.durable(), defaultDurable(declaration));
		if (!DurableNames.isValid(durable)) {
			throw new InvalidHandlerException("Durable name '" + durable + "' of handler " + description
					+ " is not valid: it must not be empty nor contain whitespace, '.', '*', '>', '/' or '\\'");
		}
		DeclaredHandlerSettings declared = this.attributeParser.parse(annotation, id, description);
		HandlerSettings settings = this.settingsResolver.resolve(id, description, declared);
		HandlerInvoker invoker = (method != null) ? methodInvoker(declaration.bean(), method, id, description, settings)
				: routingInvoker(declaration, description, id, settings);
		return new NatsHandlerEndpoint(id, description, subjects, resolve(annotation.stream()), durable, settings,
				invoker);
	}

	private HandlerInvoker methodInvoker(Object bean, Method method, String id, String description,
			HandlerSettings settings) {
		if (this.batchInvokers.isBatchMethod(method)) {
			return this.batchInvokers.create(bean, method, id, description, settings);
		}
		this.batchInvokers.checkNoBatchSettings(id, description, settings);
		return new MethodHandlerInvoker(invocable(bean, method));
	}

	private HandlerInvoker routingInvoker(HandlerDeclaration declaration, String description, String id,
			HandlerSettings settings) {
		this.batchInvokers.checkNoBatchSettings(id, description, settings);
		if (declaration.routes().isEmpty()) {
			throw new InvalidHandlerException("Class-level @NatsHandler on "
					+ ClassUtils.getUserClass(declaration.beanType()).getSimpleName() + " has no @NatsRoute method: annotate the methods that handle the class's subjects with "
					+ "@NatsRoute, or move @NatsHandler to the one method that handles them all");
		}
		SubjectRouter.Builder<InvocableHandlerMethod> router = SubjectRouter.builder();
		try {
			for (Map.Entry<Method, NatsRoute> route : declaration.routes().entrySet()) {
				String routeDescription = describe(declaration.beanType(), route.getKey());
				this.batchInvokers.checkRoute(route.getKey(), routeDescription);
				InvocableHandlerMethod invocable = invocable(declaration.bean(), route.getKey());
				for (String pattern : subjects(route.getValue().value(), routeDescription, "@NatsRoute")) {
					router.route(pattern, invocable, routeDescription);
				}
			}
			return new RoutingHandlerInvoker(router.build(), description);
		}
		catch (AmbiguousRouteException ex) {
			throw new InvalidHandlerException(ex.getMessage() + " (handler " + description + ")", ex);
		}
	}

	private InvocableHandlerMethod invocable(Object bean, Method method) {
		Method invocableMethod = AopUtils.selectInvocableMethod(method, bean.getClass());
		return this.methodFactory.createInvocableHandlerMethod(bean, invocableMethod);
	}

	private List<String> subjects(String[] declared, String description, String attribute) {
		List<String> subjects = new ArrayList<>();
		for (String value : declared) {
			String resolved = resolve(value);
			if (resolved == null) {
				throw new InvalidHandlerException("Invalid subject '' in " + attribute + " of " + description
						+ ": a subject must not be empty");
			}
			for (String subject : StringUtils.commaDelimitedListToStringArray(resolved)) {
				try {
					subjects.add(SubjectPattern.of(subject.trim()).toString());
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidHandlerException(
							"Invalid subject in " + attribute + " of " + description + ": " + ex.getMessage(), ex);
				}
			}
		}
		return subjects;
	}

	private String defaultDurable(HandlerDeclaration declaration) {
		List<String> parts = new ArrayList<>();
		if (StringUtils.hasText(this.applicationName)) {
			parts.add(this.applicationName);
		}
		parts.add(declaration.beanName());
		if (declaration.method() != null) {
			parts.add(declaration.method().getName());
		}
		return DurableNames.sanitize(String.join("-", parts));
	}

	private String resolveOrDefault(String value, String fallback) {
		String resolved = resolve(value);
		return StringUtils.hasText(resolved) ? resolved.trim() : fallback;
	}

	private @Nullable String resolve(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		BeanExpressionResolver expressionResolver = this.beanFactory.getBeanExpressionResolver();
		if (resolved != null && expressionResolver != null && resolved.contains("#{")) {
			Object evaluated = expressionResolver.evaluate(resolved, new BeanExpressionContext(this.beanFactory, null));
			resolved = (evaluated != null) ? evaluated.toString() : null;
		}
		return StringUtils.hasText(resolved) ? resolved : null;
	}

	/**
	 * Describe a handler method for logs and errors, as
	 * {@code SimpleClassName.method(ParameterType, ...)}.
	 */
	private static String describe(Class<?> type, Method method) {
		String parameters = Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		return ClassUtils.getUserClass(type).getSimpleName() + "." + method.getName() + "(" + parameters + ")";
	}

}

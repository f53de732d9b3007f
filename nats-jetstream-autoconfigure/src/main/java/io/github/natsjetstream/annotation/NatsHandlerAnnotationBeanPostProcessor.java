package io.github.natsjetstream.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsjetstream.config.HandlerSettingsResolver;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link NatsHandler @NatsHandler} methods and classes on beans and, once every
 * singleton exists, turns them into handler endpoints registered with the
 * {@link NatsHandlerContainerRegistry registry}.
 * Classes without any annotation are remembered, so each class is inspected once.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	private final Set<Class<?>> classesWithoutHandlers = ConcurrentHashMap.newKeySet();

	private final List<HandlerDeclaration> declarations = new ArrayList<>();

	private final String methodFactoryBeanName;

	private final String messageConverterBeanName;

	private ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a new instance.
	 * @param methodFactoryBeanName the name of the {@link MessageHandlerMethodFactory}
	 * bean that makes handler methods invocable
	 * @param messageConverterBeanName the name of the {@link MessageConverter} bean that
	 * converts payloads, for the elements of batch handlers' lists
	 */
	public NatsHandlerAnnotationBeanPostProcessor(String methodFactoryBeanName, String messageConverterBeanName) {
		Assert.hasText(methodFactoryBeanName, "'methodFactoryBeanName' must not be empty");
		Assert.hasText(messageConverterBeanName, "'messageConverterBeanName' must not be empty");
		this.methodFactoryBeanName = methodFactoryBeanName;
		this.messageConverterBeanName = messageConverterBeanName;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.classesWithoutHandlers.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, List.of(NatsHandler.class, NatsRoute.class))) {
			return bean;
		}
		NatsHandler classLevel = AnnotatedElementUtils.findMergedAnnotation(targetClass, NatsHandler.class);
		Map<Method, NatsHandler> handlerMethods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<NatsHandler>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, NatsHandler.class));
		Map<Method, NatsRoute> routeMethods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<NatsRoute>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, NatsRoute.class));
		if (classLevel == null && handlerMethods.isEmpty() && routeMethods.isEmpty()) {
			this.classesWithoutHandlers.add(targetClass);
			return bean;
		}
		synchronized (this.declarations) {
			if (classLevel != null) {
				this.declarations.add(new HandlerDeclaration(bean, beanName, targetClass, classLevel, null, routeMethods));
			}
			else if (!routeMethods.isEmpty()) {
				throw new InvalidHandlerException("@NatsRoute methods " + routeMethods.keySet().stream()
					.map(Method::getName)
					.sorted()
					.toList() + " of bean '" + beanName + "' (" + ClassUtils.getUserClass(targetClass).getSimpleName()
						+ ") need @NatsHandler on the class to say which subjects the class consumes");
			}
			handlerMethods.forEach((method, annotation) -> this.declarations
				.add(new HandlerDeclaration(bean, beanName, targetClass, annotation, method, Map.of())));
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<HandlerDeclaration> found;
		synchronized (this.declarations) {
			found = List.copyOf(this.declarations);
			this.declarations.clear();
		}
		HandlerSettingsResolver settingsResolver = this.beanFactory.getBean(HandlerSettingsResolver.class);
		List<String> ids = new ArrayList<>();
		if (!found.isEmpty()) {
			NatsHandlerEndpointFactory endpointFactory = new NatsHandlerEndpointFactory(this.beanFactory,
					this.beanFactory.getBean(this.methodFactoryBeanName, MessageHandlerMethodFactory.class),
					new BatchInvokers(this.beanFactory.getBean(this.messageConverterBeanName, MessageConverter.class),
							this.beanFactory.getBeanProvider(Validator.class).getIfUnique()),
					settingsResolver);
			NatsHandlerContainerRegistry registry = this.beanFactory.getBean(NatsHandlerContainerRegistry.class);
			for (HandlerDeclaration declaration : found) {
				ids.add(registry.register(endpointFactory.create(declaration)).getEndpoint().id());
			}
		}
		settingsResolver.checkEveryOverrideMatches(ids);
	}

}

package io.github.natsjetstream.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.annotation.NatsHandlerAnnotationBeanPostProcessor;
import io.github.natsjetstream.annotation.NatsHandlerEndpointFactory;
import io.github.natsjetstream.config.DeliverPolicySetting;
import io.github.natsjetstream.config.HandlerOverrides;
import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.HandlerSettingsResolver;
import io.github.natsjetstream.listener.ContainerResources;
import io.github.natsjetstream.listener.DurableConsumerProvisioner;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.listener.adapter.NatsMessageArgumentResolver;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.StorageType;
import io.github.natsjetstream.retry.DeadLetterRecoverer;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ExponentialBackoff;
import io.github.natsjetstream.retry.ListBackoff;
import io.github.natsjetstream.retry.PublishingDeadLetterRecoverer;
import io.github.natsjetstream.retry.RetryBackoff;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for {@link io.github.natsjetstream.annotation.NatsHandler @NatsHandler} methods: each
 * becomes a durable pull consumer run by a container of the
 * {@link NatsHandlerContainerRegistry}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = { NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class,
		NatsMessageConverterAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ JetStreamManagement.class, MessageHandlerMethodFactory.class })
@ConditionalOnBean(Connection.class)
@EnableConfigurationProperties(NatsProperties.class)
public final class NatsHandlerAutoConfiguration {

	/**
	 * Name of the {@link MessageHandlerMethodFactory} bean used for handler methods.
	 */
	public static final String HANDLER_METHOD_FACTORY_BEAN_NAME = "natsHandlerMethodFactory";

	/**
	 * Name of the {@link MessageConverter} bean that converts payloads for handler
	 * methods.
	 */
	public static final String MESSAGE_CONVERTER_BEAN_NAME = NatsMessageConverterAutoConfiguration.MESSAGE_CONVERTER_BEAN_NAME;

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static NatsHandlerAnnotationBeanPostProcessor natsHandlerAnnotationBeanPostProcessor() {
		return new NatsHandlerAnnotationBeanPostProcessor();
	}

	@Bean(name = HANDLER_METHOD_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = HANDLER_METHOD_FACTORY_BEAN_NAME)
	MessageHandlerMethodFactory natsHandlerMethodFactory(ConfigurableListableBeanFactory beanFactory,
			@Qualifier(MESSAGE_CONVERTER_BEAN_NAME) MessageConverter messageConverter,
			ObjectProvider<Validator> validator) {
		DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
		factory.setBeanFactory(beanFactory);
		factory.setMessageConverter(messageConverter);
		Validator uniqueValidator = validator.getIfUnique();
		if (uniqueValidator != null) {
			factory.setValidator(uniqueValidator);
		}
		factory.setCustomArgumentResolvers(List.of(new NatsMessageArgumentResolver()));
		factory.afterPropertiesSet();
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerSettingsResolver natsHandlerSettingsResolver(NatsProperties properties) {
		NatsProperties.Jetstream jetstream = properties.getJetstream();
		NatsProperties.ConsumerDefaults defaults = jetstream.getConsumerDefaults();
		HandlerSettings defaultSettings = new HandlerSettings(defaults.getConcurrency(), defaults.getMaxDeliver(),
				backoff(defaults.getBackoff()), defaults.getAckWait(), defaults.getMaxAckPending(),
				DeliverPolicySetting.parse(defaults.getDeliverPolicy()), List.of(), null, null, true);
		Map<String, NatsProperties.Handler> handlers = jetstream.getHandlers();
		return new HandlerSettingsResolver(defaultSettings, (id) -> overrides(handlers, id));
	}

	@Bean
	@ConditionalOnMissingBean
	NatsHandlerEndpointFactory natsHandlerEndpointFactory(ConfigurableListableBeanFactory beanFactory,
			@Qualifier(HANDLER_METHOD_FACTORY_BEAN_NAME) MessageHandlerMethodFactory methodFactory,
			HandlerSettingsResolver settingsResolver, Environment environment) {
		return new NatsHandlerEndpointFactory(beanFactory, methodFactory, settingsResolver,
				environment.getProperty("spring.application.name"));
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetterRecoverer natsDeadLetterRecoverer(JetStream jetStream) {
		return new PublishingDeadLetterRecoverer(jetStream);
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetterReplayer natsDeadLetterReplayer(JetStreamManagement management, JetStream jetStream,
			NatsProperties properties) {
		return new DeadLetterReplayer(management, jetStream, properties.getJetstream().getDeadLetter().getStream());
	}

	@Bean
	@ConditionalOnMissingBean(name = "natsDeadLetterStream")
	NatsStream natsDeadLetterStream(NatsProperties properties) {
		NatsProperties.DeadLetter deadLetter = properties.getJetstream().getDeadLetter();
		return NatsStream.builder(deadLetter.getStream())
			.subjects(deadLetter.getSubjects())
			.storage(StorageType.FILE)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	NatsHandlerContainerRegistry natsHandlerContainerRegistry(Connection connection, JetStream jetStream,
			JetStreamManagement management,
			DeadLetterRecoverer deadLetterRecoverer, NatsProperties properties, Environment environment) {
		NatsProperties.Jetstream jetstream = properties.getJetstream();
		ContainerResources resources = new ContainerResources(connection, jetStream,
				management, new DurableConsumerProvisioner(management), deadLetterRecoverer,
				jetstream.getDeadLetter().getSubject(), NatsHandlerContainerRegistry.createScheduler(),
				Threading.VIRTUAL.isActive(environment), jetstream.getShutdownTimeout(), Clock.systemUTC());
		return new NatsHandlerContainerRegistry(resources);
	}

	private static RetryBackoff backoff(NatsProperties.Backoff backoff) {
		if (!backoff.getDelays().isEmpty()) {
			return new ListBackoff(backoff.getDelays());
		}
		return new ExponentialBackoff(backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
				backoff.getJitter());
	}

	private static @Nullable HandlerOverrides overrides(Map<String, NatsProperties.Handler> handlers, String id) {
		NatsProperties.Handler handler = handlers.get(id);
		if (handler == null) {
			String canonicalId = canonical(id);
			handler = handlers.entrySet()
				.stream()
				.filter((entry) -> canonical(entry.getKey()).equals(canonicalId))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}
		if (handler == null) {
			return null;
		}
		return new HandlerOverrides(handler.getConcurrency(), handler.getMaxDeliver(), handler.getBackoff(),
				handler.getAckWait(), handler.getMaxAckPending(), handler.getDeliverPolicy(), handler.getDeadLetter(),
				handler.getAutoStartup());
	}

	private static String canonical(String id) {
		return id.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
	}

}

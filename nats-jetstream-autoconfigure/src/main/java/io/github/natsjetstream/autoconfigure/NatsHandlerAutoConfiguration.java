package io.github.natsjetstream.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.natsjetstream.annotation.NatsHandlerAnnotationBeanPostProcessor;
import io.github.natsjetstream.config.HandlerSettingsResolver;
import io.github.natsjetstream.listener.ConsumerStatistics;
import io.github.natsjetstream.listener.ContainerOptions;
import io.github.natsjetstream.listener.ContainerResources;
import io.github.natsjetstream.listener.HandlerStatusResolver;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.listener.StreamDirectory;
import io.github.natsjetstream.listener.adapter.NatsMessageArgumentResolver;
import io.github.natsjetstream.listener.adapter.NatsPayloadArgumentResolver;
import io.github.natsjetstream.observation.NatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerTimers;
import io.github.natsjetstream.observation.NatsPublishObservationConvention;
import io.github.natsjetstream.provisioning.JetStreamProvisioner;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.github.natsjetstream.provisioning.StorageType;
import io.github.natsjetstream.retry.DeadLetterRecoverer;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ErrorClassifier;
import io.github.natsjetstream.retry.PublishingDeadLetterRecoverer;
import io.github.natsjetstream.support.NatsServerFeatures;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;

import org.springframework.beans.factory.BeanFactory;
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
import org.springframework.context.annotation.Import;
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
 * {@link NatsHandlerContainerRegistry}. Handling is observed ({@code nats.handler}) and
 * dead letters are published observed ({@code nats.publish}) through the application's
 * {@link ObservationRegistry} when there is one; with
 * {@code nats.jetstream.handler-observation-enabled=false}, handlings are recorded in the
 * {@code nats.handler} timer alone, through the {@link NatsHandlerTimers} bean when there
 * is one.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = { NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class },
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ JetStreamManagement.class, MessageHandlerMethodFactory.class })
@ConditionalOnBean(Connection.class)
@EnableConfigurationProperties(NatsProperties.class)
@Import(NatsMessageConverterConfiguration.class)
public final class NatsHandlerAutoConfiguration {

	/**
	 * Name of the {@link MessageHandlerMethodFactory} bean used for handler methods.
	 */
	public static final String HANDLER_METHOD_FACTORY_BEAN_NAME = "natsHandlerMethodFactory";

	/**
	 * Name of the {@link MessageConverter} bean that converts payloads for handler
	 * methods.
	 */
	public static final String MESSAGE_CONVERTER_BEAN_NAME = NatsMessageConverterConfiguration.MESSAGE_CONVERTER_BEAN_NAME;

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static NatsHandlerAnnotationBeanPostProcessor natsHandlerAnnotationBeanPostProcessor() {
		return new NatsHandlerAnnotationBeanPostProcessor(HANDLER_METHOD_FACTORY_BEAN_NAME, MESSAGE_CONVERTER_BEAN_NAME);
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
		factory.setCustomArgumentResolvers(List.of(new NatsMessageArgumentResolver(),
				new NatsPayloadArgumentResolver(messageConverter, uniqueValidator)));
		factory.afterPropertiesSet();
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerSettingsResolver natsHandlerSettingsResolver(NatsProperties properties, BeanFactory beanFactory) {
		NatsProperties.Jetstream jetstream = properties.getJetstream();
		return new HandlerSettingsResolver(HandlerDefaults.of(jetstream), jetstream.getHandlers(),
				(name) -> beanFactory.getBean(name, ErrorClassifier.class));
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetterRecoverer natsDeadLetterRecoverer(JetStream jetStream,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NatsPublishObservationConvention> observationConvention) {
		PublishingDeadLetterRecoverer recoverer = new PublishingDeadLetterRecoverer(jetStream);
		observationRegistry.ifUnique(recoverer::setObservationRegistry);
		observationConvention.ifUnique(recoverer::setObservationConvention);
		return recoverer;
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
		NamedPropertyMapper map = new NamedPropertyMapper("nats.jetstream.dead-letter", ProvisioningException::new);
		NatsStream.Builder builder = map.check("stream", deadLetter.getStream(),
				() -> NatsStream.builder(deadLetter.getStream()));
		map.map("subjects", deadLetter.getSubjects(), builder::subjects);
		return builder.storage(StorageType.FILE).build();
	}

	@Bean
	@ConditionalOnMissingBean
	NatsHandlerContainerRegistry natsHandlerContainerRegistry(NatsServerFeatures features, Connection connection,
			JetStream jetStream, JetStreamOptions jetStreamOptions, JetStreamManagement management, JetStreamProvisioner provisioner, DeadLetterRecoverer deadLetterRecoverer,
			NatsProperties properties, Environment environment, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NatsHandlerObservationConvention> observationConvention,
			ObjectProvider<NatsHandlerTimers> handlerTimers) {
		boolean observed = properties.getJetstream().isHandlerObservationEnabled();
		ContainerResources resources = new ContainerResources(features, connection, jetStream, jetStreamOptions,
				management,
				new StreamDirectory(management), provisioner,
				deadLetterRecoverer, NatsHandlerContainerRegistry.createScheduler(),
				NatsHandlerContainerRegistry.createCheckExecutor(), Clock.systemUTC(),
				observed ? observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP,
				observationConvention.getIfUnique(), observed ? null : handlerTimers.getIfUnique());
		ContainerOptions options = ContainerOptions.DEFAULTS
			.withShutdownTimeout(ShutdownTimeout.resolve(properties.getJetstream().getShutdownTimeout(),
					environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
							Duration.ofSeconds(30))))
			.withVirtualThreads(Threading.VIRTUAL.isActive(environment));
		return new NatsHandlerContainerRegistry(resources, options);
	}

	@Bean
	@ConditionalOnMissingBean
	ConsumerStatistics natsConsumerStatistics(NatsHandlerContainerRegistry registry, Connection connection,
			JetStreamManagement management, JetStreamOptions jetStreamOptions, NatsProperties properties) {
		return new ConsumerStatistics(registry, connection, management, jetStreamOptions,
				properties.getJetstream().getConsumerStatistics().getInterval(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerStatusResolver natsHandlerStatusResolver(ConsumerStatistics statistics, NatsProperties properties) {
		return new HandlerStatusResolver(statistics, properties.getJetstream().getHealth().getStallAfter(),
				Clock.systemUTC());
	}

}

package io.github.natsjetstream.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.natsjetstream.provisioning.JetStreamProvisioner;
import io.github.natsjetstream.provisioning.NatsKeyValue;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.ProvisionedKeyValueFactory;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the provisioning of JetStream streams and key-value buckets declared under
 * {@code nats.jetstream.streams} and {@code nats.jetstream.key-value}, or as
 * {@link NatsStream}, {@link StreamConfiguration} and {@link NatsKeyValue} beans. Each
 * bucket declared in the properties is also injectable as a {@link KeyValue} bean named
 * after the bucket.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = NatsAutoConfiguration.class)
@ConditionalOnClass(JetStreamManagement.class)
@ConditionalOnBean({ Connection.class, JetStreamManagement.class })
@EnableConfigurationProperties(NatsProperties.class)
public final class NatsProvisioningAutoConfiguration {

	private static final String STREAMS_PREFIX = "nats.jetstream.streams";

	private static final String KEY_VALUE_PREFIX = "nats.jetstream.key-value";

	@Configuration(proxyBeanMethods = false)
	static class ProvisioningConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProvisioningReport natsProvisioningReport(NatsProperties properties) {
			return new ProvisioningReport(properties.getJetstream().getProvisioning().getMode());
		}

		@Bean
		@ConditionalOnMissingBean
		JetStreamProvisioner natsJetStreamProvisioner(Connection connection, JetStreamManagement jetStreamManagement,
				JetStreamOptions jetStreamOptions, ProvisioningReport report, NatsProperties properties,
				ObjectProvider<NatsStream> streams, ObjectProvider<StreamConfiguration> streamConfigurations,
				ObjectProvider<NatsKeyValue> keyValues) {
			KeyValueManagement keyValueManagement = keyValueManagement(connection, jetStreamOptions);
			NatsProperties.Jetstream jetstream = properties.getJetstream();
			return new JetStreamProvisioner(connection, jetStreamManagement, keyValueManagement, report, () -> {
				List<NatsStream> declarations = new ArrayList<>();
				jetstream.getStreams().forEach((name, stream) -> declarations.add(toDeclaration(name, stream)));
				streams.orderedStream().forEach(declarations::add);
				streamConfigurations.orderedStream().map(NatsStream::of).forEach(declarations::add);
				return declarations;
			}, () -> {
				List<NatsKeyValue> declarations = new ArrayList<>();
				jetstream.getKeyValue()
					.forEach((bucket, keyValue) -> declarations.add(toDeclaration(bucket, keyValue)));
				keyValues.orderedStream().forEach(declarations::add);
				return declarations;
			});
		}

		private static KeyValueManagement keyValueManagement(Connection connection, JetStreamOptions options) {
			try {
				return connection.keyValueManagement(keyValueOptions(options));
			}
			catch (IOException ex) {
				throw new NatsJetStreamException("Unable to create the key-value management context", ex);
			}
		}

		private static NatsStream toDeclaration(String name, NatsProperties.Stream stream) {
			return declare(STREAMS_PREFIX, name, () -> {
				NatsStream.Builder builder = NatsStream.builder(name);
				PropertyMapper map = PropertyMapper.get();
				map.from(stream::getSubjects).when((subjects) -> !subjects.isEmpty()).to(builder::subjects);
				map.from(stream::getStorage).to(builder::storage);
				map.from(stream::getRetention).to(builder::retention);
				map.from(stream::getReplicas).to(builder::replicas);
				map.from(stream::getMaxAge).to(builder::maxAge);
				map.from(stream::getMaxBytes).as(DataSize::toBytes).to(builder::maxBytes);
				map.from(stream::getMaxMsgs).to(builder::maxMsgs);
				map.from(stream::getMaxMsgsPerSubject).to(builder::maxMsgsPerSubject);
				map.from(stream::getMaxMsgSize).as(DataSize::toBytes).as(Math::toIntExact).to(builder::maxMsgSize);
				map.from(stream::getDiscard).to(builder::discard);
				map.from(stream::getDuplicateWindow).to(builder::duplicateWindow);
				map.from(stream::getDescription).to(builder::description);
				map.from(stream::getAllowRollup).to(builder::allowRollup);
				map.from(stream::getDenyDelete).to(builder::denyDelete);
				map.from(stream::getDenyPurge).to(builder::denyPurge);
				return builder.build();
			});
		}

		private static NatsKeyValue toDeclaration(String bucket, NatsProperties.KeyValue keyValue) {
			return declare(KEY_VALUE_PREFIX, bucket, () -> {
				NatsKeyValue.Builder builder = NatsKeyValue.builder(bucket);
				PropertyMapper map = PropertyMapper.get();
				map.from(keyValue::getHistory).to(builder::history);
				map.from(keyValue::getTtl).to(builder::ttl);
				map.from(keyValue::getMaxBytes).as(DataSize::toBytes).to(builder::maxBytes);
				map.from(keyValue::getStorage).to(builder::storage);
				map.from(keyValue::getReplicas).to(builder::replicas);
				map.from(keyValue::getDescription).to(builder::description);
				return builder.build();
			});
		}

		private static <T> T declare(String prefix, String name, Supplier<T> declaration) {
			try {
				return declaration.get();
			}
			catch (IllegalArgumentException | ArithmeticException ex) {
				throw new ProvisioningException(
						"Invalid declaration under '" + prefix + "." + name + "': " + ex.getMessage(), ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class KeyValueBucketsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProvisionedKeyValueFactory natsProvisionedKeyValueFactory(Connection connection,
				JetStreamOptions jetStreamOptions, JetStreamProvisioner provisioner) {
			return new ProvisionedKeyValueFactory(connection, keyValueOptions(jetStreamOptions), provisioner);
		}

		@Bean
		static KeyValueBeanRegistrar natsKeyValueBeanRegistrar(Environment environment) {
			return new KeyValueBeanRegistrar(environment);
		}

	}

	private static KeyValueOptions keyValueOptions(JetStreamOptions jetStreamOptions) {
		return KeyValueOptions.builder().jetStreamOptions(jetStreamOptions).build();
	}

	/**
	 * Registers a {@link KeyValue} bean named after each bucket declared under
	 * {@code nats.jetstream.key-value}, unless a bean with that name exists.
	 */
	static final class KeyValueBeanRegistrar implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware {

		private final Environment environment;

		private @Nullable BeanFactory beanFactory;

		KeyValueBeanRegistrar(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
			this.beanFactory = beanFactory;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
			Map<String, NatsProperties.KeyValue> buckets = Binder.get(this.environment)
				.bind(KEY_VALUE_PREFIX, Bindable.mapOf(String.class, NatsProperties.KeyValue.class))
				.orElse(Map.of());
			for (String bucket : buckets.keySet()) {
				if (!registry.containsBeanDefinition(bucket)) {
					RootBeanDefinition definition = new RootBeanDefinition(KeyValue.class);
					definition.setInstanceSupplier(() -> keyValue(bucket));
					registry.registerBeanDefinition(bucket, definition);
				}
			}
		}

		private KeyValue keyValue(String bucket) {
			BeanFactory beanFactory = this.beanFactory;
			if (beanFactory == null) {
				throw new IllegalStateException("No bean factory to create key-value bucket '" + bucket + "' with");
			}
			return beanFactory.getBean(ProvisionedKeyValueFactory.class).create(bucket);
		}

	}

}

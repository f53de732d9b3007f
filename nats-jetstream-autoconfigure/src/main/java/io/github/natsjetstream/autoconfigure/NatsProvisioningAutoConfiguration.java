package io.github.natsjetstream.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.provisioning.JetStreamProvisioner;
import io.github.natsjetstream.provisioning.ManagedMetadata;
import io.github.natsjetstream.provisioning.NatsKeyValue;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.ProvisionedKeyValueFactory;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.github.natsjetstream.support.NatsServerFeatures;
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
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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

	@Configuration(proxyBeanMethods = false)
	static class ProvisioningConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProvisioningReport natsProvisioningReport(NatsProperties properties) {
			return new ProvisioningReport(properties.getJetstream().getProvisioning().getMode());
		}

		@Bean
		@ConditionalOnMissingBean
		ManagedMetadata natsManagedMetadata(Environment environment) {
			return ManagedMetadata.forApplication(environment.getProperty("spring.application.name"));
		}

		@Bean
		@ConditionalOnMissingBean
		JetStreamProvisioner natsJetStreamProvisioner(Connection connection, JetStreamManagement jetStreamManagement,
				JetStreamOptions jetStreamOptions, NatsServerFeatures features, ProvisioningReport report,
				ManagedMetadata managedMetadata, NatsProperties properties, ObjectProvider<NatsStream> streams,
				ObjectProvider<StreamConfiguration> streamConfigurations, ObjectProvider<NatsKeyValue> keyValues) {
			NatsProperties.Jetstream jetstream = properties.getJetstream();
			return new JetStreamProvisioner(connection, jetStreamManagement,
					keyValueManagement(connection, jetStreamOptions), features, report, managedMetadata,
					() -> declaredStreams(jetstream, streams, streamConfigurations),
					() -> declaredKeyValues(jetstream, keyValues));
		}

		private static List<NatsStream> declaredStreams(NatsProperties.Jetstream jetstream,
				ObjectProvider<NatsStream> streams, ObjectProvider<StreamConfiguration> streamConfigurations) {
			List<NatsStream> declarations = new ArrayList<>();
			jetstream.getStreams().forEach((name, stream) -> declarations.add(PropertiesDeclarations.stream(name, stream)));
			streams.orderedStream().forEach(declarations::add);
			streamConfigurations.orderedStream().map(NatsStream::of).forEach(declarations::add);
			return declarations;
		}

		private static List<NatsKeyValue> declaredKeyValues(NatsProperties.Jetstream jetstream,
				ObjectProvider<NatsKeyValue> keyValues) {
			List<NatsKeyValue> declarations = new ArrayList<>();
			jetstream.getKeyValue()
				.forEach((bucket, keyValue) -> declarations.add(PropertiesDeclarations.keyValue(bucket, keyValue)));
			keyValues.orderedStream().forEach(declarations::add);
			return declarations;
		}

		private static KeyValueManagement keyValueManagement(Connection connection, JetStreamOptions options) {
			try {
				return connection.keyValueManagement(keyValueOptions(options));
			}
			catch (IOException ex) {
				throw new NatsJetStreamException("Unable to create the key-value management context", ex);
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
				.bind(PropertiesDeclarations.KEY_VALUE_PREFIX, Bindable.mapOf(String.class, NatsProperties.KeyValue.class))
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

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
			String prefix = STREAMS_PREFIX + "." + name;
			NatsStream.Builder builder = named(prefix, () -> NatsStream.builder(name));
			NamedPropertyMapper map = new NamedPropertyMapper(prefix, ProvisioningException::new);
			map.map("subjects", stream.getSubjects().isEmpty() ? null : stream.getSubjects(), builder::subjects);
			map.map("storage", stream.getStorage(), builder::storage);
			map.map("retention", stream.getRetention(), builder::retention);
			map.map("replicas", stream.getReplicas(), builder::replicas);
			map.map("max-age", stream.getMaxAge(), builder::maxAge);
			map.map("max-bytes", stream.getMaxBytes(), (size) -> builder.maxBytes(size.toBytes()));
			map.map("max-msgs", stream.getMaxMsgs(), builder::maxMsgs);
			map.map("max-msgs-per-subject", stream.getMaxMsgsPerSubject(), builder::maxMsgsPerSubject);
			map.map("max-msg-size", stream.getMaxMsgSize(), (size) -> builder.maxMsgSize(intBytes(size)));
			map.map("discard", stream.getDiscard(), builder::discard);
			map.map("duplicate-window", stream.getDuplicateWindow(), builder::duplicateWindow);
			map.map("description", stream.getDescription(), builder::description);
			map.map("allow-rollup", stream.getAllowRollup(), builder::allowRollup);
			map.map("deny-delete", stream.getDenyDelete(), builder::denyDelete);
			map.map("deny-purge", stream.getDenyPurge(), builder::denyPurge);
			return builder.build();
		}

		private static NatsKeyValue toDeclaration(String bucket, NatsProperties.KeyValue keyValue) {
			String prefix = KEY_VALUE_PREFIX + "." + bucket;
			NatsKeyValue.Builder builder = named(prefix, () -> NatsKeyValue.builder(bucket));
			NamedPropertyMapper map = new NamedPropertyMapper(prefix, ProvisioningException::new);
			map.map("history", keyValue.getHistory(), builder::history);
			map.map("ttl", keyValue.getTtl(), builder::ttl);
			map.map("max-bytes", keyValue.getMaxBytes(), (size) -> builder.maxBytes(size.toBytes()));
			map.map("storage", keyValue.getStorage(), builder::storage);
			map.map("replicas", keyValue.getReplicas(), builder::replicas);
			map.map("description", keyValue.getDescription(), builder::description);
			return builder.build();
		}

		private static <T> T named(String prefix, Supplier<T> builder) {
			try {
				return builder.get();
			}
			catch (IllegalArgumentException ex) {
				throw new ProvisioningException("Invalid name in '" + prefix + "': " + ex.getMessage(), ex);
			}
		}

		private static int intBytes(DataSize size) {
			if (size.toBytes() > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("must be less than 2GB");
			}
			return (int) size.toBytes();
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

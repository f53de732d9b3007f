package io.github.natsjetstream.autoconfigure;

import java.io.IOException;

import io.github.natsjetstream.connection.NatsConnectionFactoryBean;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.github.natsjetstream.support.NatsServerFeatures;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Options;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for a NATS {@link Connection} and its JetStream contexts.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(Connection.class)
@EnableConfigurationProperties(NatsProperties.class)
public final class NatsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NatsConnectionDetails natsConnectionDetails(NatsProperties properties, ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesNatsConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	NatsOptionsConfigurer natsOptionsConfigurer(NatsProperties properties, NatsConnectionDetails connectionDetails,
			Environment environment) {
		return new NatsOptionsConfigurer(properties, connectionDetails,
				environment.getProperty("spring.application.name"));
	}

	@Bean
	@ConditionalOnMissingBean
	Options natsOptions(NatsOptionsConfigurer configurer, ObjectProvider<NatsOptionsCustomizer> customizers) {
		Options.Builder builder = new Options.Builder();
		configurer.configure(builder);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	JetStreamOptions natsJetStreamOptions(NatsProperties properties) {
		NatsProperties.Jetstream jetstream = properties.getJetstream();
		JetStreamOptions.Builder builder = JetStreamOptions.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(jetstream::getDomain).to(builder::domain);
		map.from(jetstream::getPrefix).to(builder::prefix);
		map.from(jetstream::getRequestTimeout).to(builder::requestTimeout);
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Connection.class)
	static class NatsConnectionConfiguration {

		@Bean
		NatsConnectionFactoryBean natsConnection(Options options, NatsProperties properties) {
			return new NatsConnectionFactoryBean(options, properties.isFailFast(), properties.getDrainTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JetStreamConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JetStream jetStream(Connection connection, JetStreamOptions jetStreamOptions) {
			try {
				return connection.jetStream(jetStreamOptions);
			}
			catch (IOException ex) {
				throw new NatsJetStreamException("Unable to create the JetStream context", ex);
			}
		}

		@Bean
		@ConditionalOnMissingBean
		JetStreamManagement jetStreamManagement(Connection connection, JetStreamOptions jetStreamOptions) {
			try {
				return connection.jetStreamManagement(jetStreamOptions);
			}
			catch (IOException ex) {
				throw new NatsJetStreamException("Unable to create the JetStream management context", ex);
			}
		}

		@Bean
		@ConditionalOnMissingBean
		NatsServerFeatures natsServerFeatures(Connection connection, JetStreamManagement jetStreamManagement) {
			return new NatsServerFeatures(connection, jetStreamManagement);
		}

	}

}

package io.github.natsjetstream.autoconfigure;

import java.time.Duration;

import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.observation.NatsPublishObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.converter.MessageConverter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the {@link JetStreamTemplate}, configured by {@code nats.jetstream.publish.*} and
 * observed through the application's {@link ObservationRegistry} when there is one.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = NatsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ JetStream.class, MessageConverter.class })
@ConditionalOnBean({ Connection.class, JetStream.class, JetStreamManagement.class })
@EnableConfigurationProperties(NatsProperties.class)
@Import(NatsMessageConverterConfiguration.class)
public final class JetStreamTemplateAutoConfiguration {

	private static final String PREFIX = "nats.jetstream.publish.";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(name = NatsMessageConverterConfiguration.MESSAGE_CONVERTER_BEAN_NAME)
	JetStreamTemplate jetStreamTemplate(Connection connection, JetStream jetStream, JetStreamManagement management,
			@Qualifier(NatsMessageConverterConfiguration.MESSAGE_CONVERTER_BEAN_NAME) MessageConverter messageConverter,
			NatsProperties properties, ObjectProvider<JetStreamOptions> jetStreamOptions,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NatsPublishObservationConvention> observationConvention) {
		NatsProperties.Publish publish = properties.getJetstream().getPublish();
		validate(publish);
		JetStreamTemplate template = new JetStreamTemplate(connection, jetStream, management, messageConverter);
		template.setTimeout(timeout(publish, jetStreamOptions.getIfAvailable(), connection));
		template.setMaxInFlight(publish.getMaxInFlight());
		template.setMaxInFlightTimeout(publish.getMaxInFlightTimeout());
		observationRegistry.ifUnique(template::setObservationRegistry);
		observationConvention.ifUnique(template::setObservationConvention);
		return template;
	}

	private static void validate(NatsProperties.Publish publish) {
		if (publish.getMaxInFlight() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-in-flight", publish.getMaxInFlight(),
					"Must be at least 1.");
		}
		if (publish.getMaxInFlightTimeout().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-in-flight-timeout",
					publish.getMaxInFlightTimeout(), "Must not be negative.");
		}
		Duration timeout = publish.getTimeout();
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "timeout", timeout, "Must be positive.");
		}
	}

	/**
	 * Return the publish timeout, by default that of the JetStream context's requests,
	 * which jnats takes from the connection's timeout when the options do not set one.
	 */
	private static Duration timeout(NatsProperties.Publish publish, @Nullable JetStreamOptions jetStreamOptions,
			Connection connection) {
		if (publish.getTimeout() != null) {
			return publish.getTimeout();
		}
		if (jetStreamOptions != null && jetStreamOptions.getRequestTimeout() != null) {
			return jetStreamOptions.getRequestTimeout();
		}
		return connection.getOptions().getConnectionTimeout();
	}

}

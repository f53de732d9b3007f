package io.github.natsjetstream.autoconfigure.health;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProperties;
import io.github.natsjetstream.health.NatsConnectionHealthIndicator;
import io.github.natsjetstream.health.NatsHandlersHealthContributor;
import io.github.natsjetstream.listener.HandlerStatusResolver;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the {@code nats} health contributor: its {@code connection} part and, with
 * handlers, its {@code handlers} part. With Actuator's availability probes, {@code nats}
 * joins the readiness group, unless the user sets that group's members.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = NatsHandlerAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.HealthContributor",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(Connection.class)
@EnableConfigurationProperties(NatsProperties.class)
public final class NatsHealthContributorAutoConfiguration {

	/**
	 * The contributor, in a nested configuration so that its condition on Spring Boot's
	 * health module is only evaluated when that module is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("nats")
	static class NatsHealthContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "natsHealthIndicator", "natsHealthContributor" })
		HealthContributor natsHealthContributor(Connection connection,
				ObjectProvider<JetStreamOptions> jetStreamOptions, NatsProperties properties,
				ObjectProvider<NatsHandlerContainerRegistry> registry,
				ObjectProvider<HandlerStatusResolver> statusResolver) {
			NatsProperties.Health health = properties.getJetstream().getHealth();
			JetStreamOptions options = JetStreamOptions
				.builder(jetStreamOptions.getIfAvailable(JetStreamOptions::defaultOptions))
				.requestTimeout(health.getTimeout())
				.build();
			Map<String, HealthContributor> parts = new LinkedHashMap<>();
			parts.put("connection", new NatsConnectionHealthIndicator(connection, management(connection, options),
					health.getCacheTimeToLive(), Clock.systemUTC()));
			NatsHandlerContainerRegistry handlers = registry.getIfUnique();
			HandlerStatusResolver resolver = statusResolver.getIfUnique();
			if (handlers != null && resolver != null) {
				parts.put("handlers", new NatsHandlersHealthContributor(handlers, resolver));
			}
			return CompositeHealthContributor.fromMap(parts);
		}

		private static JetStreamManagement management(Connection connection, JetStreamOptions options) {
			try {
				return connection.jetStreamManagement(options);
			}
			catch (IOException ex) {
				throw new NatsJetStreamException(
						"Unable to create the JetStream management context for health checks", ex);
			}
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
				"org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor" })
		static class ReadinessGroupConfiguration {

			@Bean
			static NatsReadinessGroupPostProcessor natsReadinessGroupPostProcessor(Environment environment) {
				return new NatsReadinessGroupPostProcessor(environment);
			}

		}

	}

}

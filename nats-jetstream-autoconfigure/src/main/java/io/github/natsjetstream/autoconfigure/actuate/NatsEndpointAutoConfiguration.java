package io.github.natsjetstream.autoconfigure.actuate;

import io.github.natsjetstream.actuate.NatsEndpoint;
import io.github.natsjetstream.actuate.NatsEndpointWebExtension;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProperties;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.listener.HandlerStatusResolver;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.retry.DeadLetterCounter;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the {@link NatsEndpoint} and its {@link NatsEndpointWebExtension web extension}. The
 * conditions on Actuator's classes are on the nested configuration, so that the
 * application starts without Actuator.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = { NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class })
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean({ Connection.class, DeadLetterReplayer.class })
@EnableConfigurationProperties(NatsProperties.class)
public final class NatsEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(NatsEndpoint.class)
	static class NatsEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NatsEndpoint natsEndpoint(Connection connection, JetStream jetStream, JetStreamManagement management,
				ObjectProvider<ProvisioningReport> provisioningReport,
				ObjectProvider<NatsHandlerContainerRegistry> registry,
				ObjectProvider<HandlerStatusResolver> statusResolver, DeadLetterReplayer replayer,
				NatsProperties properties) {
			NatsHandlerContainerRegistry handlers = registry.getIfUnique();
			HandlerStatusResolver resolver = (handlers != null) ? statusResolver.getIfUnique() : null;
			return new NatsEndpoint(connection, management, provisioningReport.getIfUnique(),
					(resolver != null) ? handlers : null, resolver,
					new DeadLetterCounter(jetStream, management, properties.getJetstream().getDeadLetter().getStream()),
					replayer);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(NatsEndpoint.class)
		@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
		NatsEndpointWebExtension natsEndpointWebExtension(NatsEndpoint natsEndpoint) {
			return new NatsEndpointWebExtension(natsEndpoint);
		}

	}

}

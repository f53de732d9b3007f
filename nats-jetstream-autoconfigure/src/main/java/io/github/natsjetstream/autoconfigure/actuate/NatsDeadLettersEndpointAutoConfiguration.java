package io.github.natsjetstream.autoconfigure.actuate;

import io.github.natsjetstream.actuate.NatsDeadLettersEndpoint;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProperties;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.nats.client.JetStreamManagement;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the {@link NatsDeadLettersEndpoint}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@AutoConfiguration(after = NatsHandlerAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(DeadLetterReplayer.class)
@ConditionalOnAvailableEndpoint(NatsDeadLettersEndpoint.class)
public final class NatsDeadLettersEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NatsDeadLettersEndpoint natsDeadLettersEndpoint(JetStreamManagement management, DeadLetterReplayer replayer,
			NatsProperties properties) {
		return new NatsDeadLettersEndpoint(management, replayer, properties.getJetstream().getDeadLetter().getStream());
	}

}

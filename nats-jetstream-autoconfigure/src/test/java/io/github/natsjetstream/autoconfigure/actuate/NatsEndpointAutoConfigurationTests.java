package io.github.natsjetstream.autoconfigure.actuate;

import io.github.natsjetstream.actuate.NatsEndpoint;
import io.github.natsjetstream.actuate.NatsEndpointWebExtension;
import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.test.NatsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class NatsEndpointAutoConfigurationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class,
				NatsHandlerAutoConfiguration.class, NatsEndpointAutoConfiguration.class))
		.withPropertyValues("nats.servers=" + nats.url());

	@Test
	void runWhenExposedOnTheWebShouldCreateEndpointAndWebExtension() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=nats")
			.run((context) -> assertThat(context).hasSingleBean(NatsEndpoint.class)
				.hasSingleBean(NatsEndpointWebExtension.class));
	}

	@Test
	void runWhenNotExposedShouldNotCreateEndpoint() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(NatsEndpoint.class)
			.doesNotHaveBean(NatsEndpointWebExtension.class));
	}

	@Test
	void runWhenExposedOverJmxOnlyShouldNotCreateWebExtension() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=nats")
			.run((context) -> assertThat(context).hasSingleBean(NatsEndpoint.class)
				.doesNotHaveBean(NatsEndpointWebExtension.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotCreateEndpoint() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=nats", "management.endpoint.nats.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(NatsEndpoint.class));
	}

	@Test
	void runWithoutActuatorShouldNotCreateEndpoint() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=nats")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NatsEndpoint.class));
	}

}

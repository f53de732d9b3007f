package io.github.natsjetstream.autoconfigure.health;

import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.health.NatsConnectionHealthIndicator;
import io.github.natsjetstream.health.NatsHandlersHealthContributor;
import io.github.natsjetstream.test.NatsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class NatsHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class,
				NatsHandlerAutoConfiguration.class, NatsHealthContributorAutoConfiguration.class))
		.withPropertyValues("nats.servers=" + nats.url());

	private final ApplicationContextRunner healthEndpointRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				AvailabilityProbesAutoConfiguration.class));

	@Test
	void runShouldCreateNatsContributorWithConnectionAndHandlersParts() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("natsHealthContributor");
			CompositeHealthContributor nats = context.getBean("natsHealthContributor",
					CompositeHealthContributor.class);
			assertThat(nats.getContributor("connection")).isInstanceOf(NatsConnectionHealthIndicator.class);
			assertThat(nats.getContributor("handlers")).isInstanceOf(NatsHandlersHealthContributor.class);
			Health connection = ((HealthIndicator) nats.getContributor("connection")).health();
			assertThat(connection.getDetails()).containsEntry("state", "CONNECTED");
		});
	}

	@Test
	void runWhenDisabledShouldNotCreateContributor() {
		this.contextRunner.withPropertyValues("management.health.nats.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("natsHealthContributor"));
	}

	@Test
	void runWithoutSpringBootHealthShouldNotCreateContributor() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("natsHealthContributor"));
	}

	@Test
	void runWithUserContributorShouldBackOff() {
		HealthIndicator own = () -> Health.up().build();
		this.contextRunner.withBean("natsHealthContributor", HealthContributor.class, () -> own)
			.run((context) -> assertThat(context.getBean("natsHealthContributor")).isSameAs(own));
	}

	@Test
	void natsIsInTheReadinessGroupAndNotInLiveness() {
		this.healthEndpointRunner.run((context) -> {
			assertThat(context).hasSingleBean(HealthEndpoint.class);
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("readiness").isMember("nats")).isTrue();
			assertThat(groups.get("readiness").isMember("nats/handlers")).isTrue();
			assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			assertThat(groups.get("readiness").isMember("livenessState")).isFalse();
			assertThat(groups.get("liveness").isMember("nats")).isFalse();
		});
	}

	@Test
	void readinessGroupKeepsItsAdditionalPath() {
		this.healthEndpointRunner.withPropertyValues("management.endpoint.health.probes.add-additional-paths=true")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups).isInstanceOf(AdditionalPathsMapper.class);
				assertThat(((AdditionalPathsMapper) groups).getAdditionalPaths(HealthEndpoint.ID,
						WebServerNamespace.SERVER))
					.contains("/readyz", "/livez");
				assertThat(groups.get("readiness").isMember("nats")).isTrue();
			});
	}

	@Test
	void readinessMembersSetByTheUserAreLeftAlone() {
		this.healthEndpointRunner
			.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("nats")).isFalse();
			});
	}

	@Test
	void withoutProbesThereIsNoReadinessGroupToJoin() {
		this.healthEndpointRunner.withPropertyValues("management.endpoint.health.probes.enabled=false")
			.run((context) -> assertThat(context.getBean(HealthEndpointGroups.class).get("readiness")).isNull());
	}

}

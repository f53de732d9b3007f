package io.github.natsjetstream.autoconfigure.metrics;

import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.metrics.NatsConnectionMetrics;
import io.github.natsjetstream.metrics.NatsHandlerMetrics;
import io.github.natsjetstream.observation.NatsHandlerTimers;
import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link NatsMetricsAutoConfiguration} binds the NATS meters: with a meter registry
 * from Spring Boot's metrics auto-configuration, not without one, and not without
 * Micrometer; the user's binders replace the starter's.
 */
class NatsMetricsAutoConfigurationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class,
				NatsHandlerAutoConfiguration.class, NatsMetricsAutoConfiguration.class))
		.withPropertyValues("nats.servers=" + nats.url());

	private final ApplicationContextRunner metricsRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class));

	@Test
	void bindsTheConnectionAndHandlerMetersToBootsMeterRegistry() {
		this.metricsRunner.run((context) -> {
			assertThat(context).hasSingleBean(NatsConnectionMetrics.class)
				.hasSingleBean(NatsHandlerMetrics.class)
				.hasSingleBean(NatsHandlerTimers.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry).isInstanceOf(SimpleMeterRegistry.class);
			assertThat(registry.find("nats.connection.reconnects").functionCounter()).isNotNull();
			assertThat(registry.find("nats.connection.pending.outgoing").gauge()).isNotNull();
		});
	}

	@Test
	void bindsToAMeterRegistryOfTheApplication() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.contextRunner.withBean(MeterRegistry.class, () -> registry)
			.run((context) -> assertThat(context).hasSingleBean(NatsConnectionMetrics.class)
				.hasSingleBean(NatsHandlerMetrics.class));
	}

	@Test
	void bindsNothingWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(NatsConnectionMetrics.class)
			.doesNotHaveBean(NatsHandlerMetrics.class)
			.doesNotHaveBean(NatsHandlerTimers.class));
	}

	@Test
	void bindsNothingWithoutMicrometer() {
		this.metricsRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withPropertyValues("nats.jetstream.handler-observation-enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NatsConnectionMetrics.class)
				.doesNotHaveBean(NatsHandlerMetrics.class)
				.doesNotHaveBean(NatsHandlerTimers.class));
	}

	@Test
	void theApplicationsBindersReplaceTheStarters() {
		this.metricsRunner.withUserConfiguration(TaggedConnectionMetricsConfiguration.class).run((context) -> {
			assertThat(context).getBean(NatsConnectionMetrics.class)
				.isSameAs(context.getBean("taggedConnectionMetrics"));
			assertThat(context.getBean(MeterRegistry.class).get("nats.connection.reconnects").tag("cluster", "east")
				.functionCounter()).isNotNull();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class TaggedConnectionMetricsConfiguration {

		@Bean
		NatsConnectionMetrics taggedConnectionMetrics(Connection connection) {
			return new NatsConnectionMetrics(connection, Tags.of("cluster", "east"));
		}

	}

}

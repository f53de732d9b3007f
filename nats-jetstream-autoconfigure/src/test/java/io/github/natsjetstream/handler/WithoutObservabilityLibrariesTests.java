package io.github.natsjetstream.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.actuate.NatsEndpointAutoConfiguration;
import io.github.natsjetstream.autoconfigure.health.NatsHealthContributorAutoConfiguration;
import io.github.natsjetstream.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsjetstream.metrics.NatsConnectionMetrics;
import io.github.natsjetstream.metrics.NatsHandlerMetrics;
import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.JetStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application starts and handlers work, observed as far as the classpath allows,
 * without a meter registry, without Micrometer Tracing, and without Actuator.
 */
class WithoutObservabilityLibrariesTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static ApplicationContextRunner runner(String stream, String prefix) {
		return HandlerContexts.runner(nats.server())
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, NatsMetricsAutoConfiguration.class,
					NatsHealthContributorAutoConfiguration.class, NatsEndpointAutoConfiguration.class))
			.withPropertyValues("nats.jetstream.streams." + stream + ".subjects=" + prefix + ".>",
					"plain.prefix=" + prefix)
			.withBean("plainHandler", PlainHandler.class, PlainHandler::new);
	}

	@Test
	void withoutAMeterRegistryHandlersWorkObservedAndUnmetered() {
		runner("NO_METERS", "nometers").withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ObservationRegistry.class)
					.doesNotHaveBean(NatsConnectionMetrics.class)
					.doesNotHaveBean(NatsHandlerMetrics.class);
				handlesAMessage(context, "nometers.a");
			});
	}

	@Test
	void withoutMicrometerTracingHandlersWorkAndAreMetered() {
		runner("NO_TRACING", "notracing").withClassLoader(new FilteredClassLoader("io.micrometer.tracing", "brave"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(NatsConnectionMetrics.class)
					.hasSingleBean(NatsHandlerMetrics.class);
				handlesAMessage(context, "notracing.a");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(HandlerContexts.patience())
					.until(() -> meters.find("nats.handler").tags("handler", "plain", "outcome", "ack").timer() != null);
			});
	}

	@Test
	void withoutActuatorHandlersWorkAndAreMetered() {
		runner("NO_ACTUATOR_METERS", "noactuatormeters")
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean("natsHealthContributor")
					.hasSingleBean(NatsHandlerMetrics.class);
				handlesAMessage(context, "noactuatormeters.a");
			});
	}

	@Test
	void withoutObservationAndMetricsAutoConfigurationHandlersWork() {
		HandlerContexts.runner(nats.server())
			.withConfiguration(AutoConfigurations.of(NatsMetricsAutoConfiguration.class))
			.withPropertyValues("nats.jetstream.streams.NO_REGISTRIES.subjects=noregistries.>",
					"plain.prefix=noregistries")
			.withBean("plainHandler", PlainHandler.class, PlainHandler::new)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(ObservationRegistry.class)
					.doesNotHaveBean(MeterRegistry.class)
					.doesNotHaveBean(NatsHandlerMetrics.class);
				handlesAMessage(context, "noregistries.a");
			});
	}

	private static void handlesAMessage(AssertableApplicationContext context, String subject) throws Exception {
		PlainHandler handler = context.getBean(PlainHandler.class);
		HandlerContexts.publish(context.getBean(JetStream.class), subject, "one");
		await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 1);
	}

	static class PlainHandler {

		final List<String> handled = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "${plain.prefix}.*", id = "plain")
		void on(String payload) {
			this.handled.add(payload);
		}

	}

}

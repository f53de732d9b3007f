package io.github.natsjetstream.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.actuate.NatsEndpoint;
import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.actuate.NatsEndpointAutoConfiguration;
import io.github.natsjetstream.autoconfigure.health.NatsHealthContributorAutoConfiguration;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without Actuator and Spring Boot's health module on the classpath, the application
 * starts, handlers work, and pausing stays available through the registry.
 */
class WithoutActuatorTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void handlersWorkAndPauseWithoutActuator() {
		Handler handler = new Handler();
		HandlerContexts.runner(nats.server())
			.withConfiguration(AutoConfigurations.of(NatsHealthContributorAutoConfiguration.class,
					NatsEndpointAutoConfiguration.class))
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.withPropertyValues("nats.jetstream.streams.NO_ACTUATOR.subjects=noactuator.>",
					"management.endpoints.web.exposure.include=*")
			.withBean("plainHandler", Handler.class, () -> handler)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean("natsHealthContributor")
					.doesNotHaveBean(NatsEndpoint.class);
				JetStream jetStream = context.getBean(JetStream.class);
				HandlerContexts.publish(jetStream, "noactuator.a", "one");
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 1);
				NatsHandlerContainerRegistry registry = context.getBean(NatsHandlerContainerRegistry.class);
				registry.pause("plain");
				HandlerContexts.publish(jetStream, "noactuator.a", "two");
				registry.resume("plain");
				await().atMost(HandlerContexts.patience()).until(() -> handler.handled.size() == 2);
			});
	}

	static class Handler {

		final List<String> handled = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "noactuator.*", id = "plain")
		void on(String payload) {
			this.handled.add(payload);
		}

	}

}

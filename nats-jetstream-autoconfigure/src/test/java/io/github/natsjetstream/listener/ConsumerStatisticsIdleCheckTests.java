package io.github.natsjetstream.listener;

import java.time.Duration;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.test.NatsServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer statistics serve as the idle containers' check that their durable exists:
 * a reading that found it spares the container its own request.
 */
class ConsumerStatisticsIdleCheckTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class))
		.withPropertyValues("spring.application.name=idle-check-tests", "nats.jetstream.streams.CHECKS.subjects=checks.>",
				"nats.jetstream.consumer-statistics.interval=200ms")
		.withBean(Checked.class);

	@Test
	void aReadingThatFindsTheDurableStandsForTheIdleCheck() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			this.runner.withPropertyValues("nats.servers=" + server.url()).run((context) -> {
				assertThat(context).hasNotFailed();
				NatsHandlerContainer container = context.getBean(NatsHandlerContainerRegistry.class)
					.getContainer("checked");
				long before = container.lastIdleCheckNanos();
				await().atMost(Duration.ofSeconds(10)).until(() -> container.lastIdleCheckNanos() != before);
				assertThat(context.getBean(ConsumerStatistics.class).latest("checked").present()).isTrue();
			});
		}
	}

	static class Checked {

		@NatsHandler(value = "checks.*", id = "checked", durable = "checked")
		void on(String payload) {
		}

	}

}

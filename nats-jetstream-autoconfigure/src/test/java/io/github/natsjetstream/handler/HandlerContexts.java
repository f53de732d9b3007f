package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application contexts with the handler auto-configuration against a test server, and a
 * plain jnats client to publish with.
 */
final class HandlerContexts {

	private HandlerContexts() {
	}

	static ApplicationContextRunner runner(NatsServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
					NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.url(), "spring.application.name=handler-tests",
					"nats.jetstream.shutdown-timeout=10s", "nats.jetstream.dead-letter.stream=DLQ_TESTS",
					"nats.jetstream.dead-letter.subjects=dlqtests.>",
					"nats.jetstream.dead-letter.subject=dlqtests.{stream}.{durable}");
	}

	static Connection connect(NatsServer server) throws Exception {
		return Nats.connect(server.url());
	}

	static void publish(JetStream jetStream, String subject, String payload) throws Exception {
		jetStream.publish(subject, payload.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Create a memory stream capturing {@code prefix.>} and publish a message to
	 * {@code prefix.<payload>} for each payload, before any handler consumes it.
	 */
	static void prePublish(NatsServer server, String stream, String prefix, List<String> payloads) throws Exception {
		try (Connection connection = connect(server)) {
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder()
					.name(stream)
					.subjects(prefix + ".>")
					.storageType(StorageType.Memory)
					.build());
			JetStream jetStream = connection.jetStream();
			for (String payload : payloads) {
				publish(jetStream, prefix + "." + payload, payload);
			}
		}
	}

	/**
	 * Return the startup failure of the given type, wherever it is in the cause chain.
	 */
	static <T extends Throwable> T startupFailure(AssertableApplicationContext context, Class<T> type) {
		assertThat(context).hasFailed();
		for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
			if (type.isInstance(failure)) {
				return type.cast(failure);
			}
		}
		throw new AssertionError("No " + type.getName() + " in " + context.getStartupFailure(),
				context.getStartupFailure());
	}

	static Duration patience() {
		return Duration.ofSeconds(30);
	}

}

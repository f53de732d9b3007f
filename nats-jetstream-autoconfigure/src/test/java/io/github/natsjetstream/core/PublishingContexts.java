package io.github.natsjetstream.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.natsjetstream.autoconfigure.JetStreamTemplateAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Application contexts with the template's auto-configuration against a test server,
 * and what the publishing tests need around them.
 */
final class PublishingContexts {

	private PublishingContexts() {
	}

	static ApplicationContextRunner runner(NatsServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
					JetStreamTemplateAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.url());
	}

	/**
	 * Create a stream afresh.
	 */
	static StreamInfo stream(JetStreamManagement management, StreamConfiguration.Builder stream)
			throws IOException, JetStreamApiException {
		StreamConfiguration configuration = stream.storageType(StorageType.Memory).build();
		try {
			management.deleteStream(configuration.getName());
		}
		catch (JetStreamApiException ex) {
			// not there yet
		}
		return management.addStream(configuration);
	}

	/**
	 * Answer a publish that a plain subscriber received the way a stream does.
	 */
	static void acknowledge(Connection connection, Message publish, long sequence) {
		connection.publish(publish.getReplyTo(),
				("{\"stream\":\"SILENT\",\"seq\":" + sequence + "}").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Return the next message of a subscription, failing when none arrives.
	 */
	static Message next(Subscription subscription) throws InterruptedException {
		Message message = subscription.nextMessage(patience());
		if (message == null) {
			throw new AssertionError("No message on " + subscription.getSubject() + " within " + patience());
		}
		return message;
	}

	static Duration patience() {
		return Duration.ofSeconds(30);
	}

}

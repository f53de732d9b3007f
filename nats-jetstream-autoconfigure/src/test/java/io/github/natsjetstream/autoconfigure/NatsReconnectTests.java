package io.github.natsjetstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured connection survives a server restart.
 */
class NatsReconnectTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class));

	@Test
	void connectionReconnectsAfterServerRestartAndStaysUsable() throws Exception {
		try (NatsServer server = NatsServer.builder().build().start()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.url(), "nats.reconnect-wait=100ms",
						"nats.max-reconnects=-1")
				.run((context) -> {
					Connection connection = context.getBean(Connection.class);
					JetStreamManagement management = context.getBean(JetStreamManagement.class);
					JetStream jetStream = context.getBean(JetStream.class);
					management.addStream(StreamConfiguration.builder()
						.name("RECONNECT")
						.subjects("reconnect.>")
						.storageType(StorageType.File)
						.build());
					jetStream.publish("reconnect.before", bytes("before"));

					server.restart();

					await().atMost(Duration.ofSeconds(30))
						.until(() -> connection.getStatus() == Connection.Status.CONNECTED);
					await().atMost(Duration.ofSeconds(30))
						.ignoreExceptions()
						.untilAsserted(() -> assertThat(jetStream
							.publish("reconnect.after", bytes("after"), PublishOptions.builder().messageId("after").build())
							.getSeqno())
							.isEqualTo(2));
					assertThat(management.getStreamInfo("RECONNECT").getStreamState().getMsgCount()).isEqualTo(2);
				});
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

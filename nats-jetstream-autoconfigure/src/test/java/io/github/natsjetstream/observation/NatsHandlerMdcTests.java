package io.github.natsjetstream.observation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link NatsHandlerMdc} puts into the MDC for a JetStream message delivered by a
 * real server, and that it takes out only that.
 */
class NatsHandlerMdcTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Message message;

	private final NatsHandlerMdc mdc = new NatsHandlerMdc("orders");

	@BeforeAll
	static void deliverAMessage() throws Exception {
		try (Connection connection = Nats.connect(nats.url())) {
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder()
					.name("MDC")
					.subjects("mdc.>")
					.storageType(StorageType.Memory)
					.build());
			JetStream jetStream = connection.jetStream();
			jetStream.publish("mdc.first", "1".getBytes(StandardCharsets.UTF_8));
			jetStream.publish("mdc.orders.created", "2".getBytes(StandardCharsets.UTF_8));
			JetStreamSubscription subscription = jetStream.subscribe("mdc.orders.>",
					PullSubscribeOptions.builder().durable("mdc").build());
			List<Message> messages = subscription.fetch(1, Duration.ofSeconds(10));
			assertThat(messages).hasSize(1);
			message = messages.get(0);
		}
	}

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void putsTheHandlerSubjectStreamSequenceAndDelivery() {
		this.mdc.put(message, message.metaData());
		assertThat(MDC.getCopyOfContextMap()).containsEntry("nats.handler", "orders")
			.containsEntry("nats.subject", "mdc.orders.created")
			.containsEntry("nats.stream", "MDC")
			.containsEntry("nats.sequence", "2")
			.containsEntry("nats.delivered", "1")
			.hasSize(5);
	}

	@Test
	void clearTakesOutWhatWasPutAndNothingElse() {
		MDC.put("request", "r-1");
		this.mdc.put(message, message.metaData());
		this.mdc.clear();
		assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("request");
	}

}

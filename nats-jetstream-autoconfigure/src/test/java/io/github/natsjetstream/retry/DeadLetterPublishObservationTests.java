package io.github.natsjetstream.retry;

import java.time.Duration;
import java.time.Instant;

import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publishes of a dead letter are {@code nats.publish} observations when the
 * recoverer has an observation registry, the refused one and the one without payload
 * alike; without tracing, the dead letter keeps the original's trace context.
 */
class DeadLetterPublishObservationTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Connection connection;

	@BeforeAll
	static void connect() throws Exception {
		connection = Nats.connect(nats.url());
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(StreamConfiguration.builder()
			.name("OBS_ORIGINALS")
			.subjects("obsoriginals.>")
			.storageType(StorageType.Memory)
			.build());
		management.addStream(StreamConfiguration.builder()
			.name("OBS_DLQ")
			.subjects("obsdlq.>")
			.maximumMessageSize(3 * 1024)
			.storageType(StorageType.Memory)
			.build());
	}

	@AfterAll
	static void close() throws Exception {
		connection.close();
	}

	@Test
	void aRefusedDeadLetterAndItsPublishWithoutPayloadAreObserved() throws Exception {
		Message original = original("obsoriginals.large", new byte[4 * 1024]);
		TestObservationRegistry registry = TestObservationRegistry.create();
		PublishingDeadLetterRecoverer recoverer = new PublishingDeadLetterRecoverer(connection.jetStream());
		recoverer.setObservationRegistry(registry);

		recoverer.recover(deadLetter(original, "obsdlq.large"));

		assertThat(registry).hasNumberOfObservationsWithNameEqualTo("nats.publish", 2)
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "rejected")
				.hasLowCardinalityKeyValue("stream", "unknown")
				.hasHighCardinalityKeyValue("subject", "obsdlq.large")
				.assertThatError()
				.isInstanceOf(JetStreamApiException.class))
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "ack")
				.hasLowCardinalityKeyValue("stream", "OBS_DLQ")
				.doesNotHaveError());
		MessageInfo deadLetter = connection.jetStreamManagement().getLastMessage("OBS_DLQ", "obsdlq.large");
		assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.PAYLOAD_OMITTED)).isNotNull();
	}

	@Test
	void withoutTracingTheDeadLetterKeepsTheOriginalsTraceContext() throws Exception {
		Message original = original("obsoriginals.small", new byte[16]);
		TestObservationRegistry registry = TestObservationRegistry.create();
		PublishingDeadLetterRecoverer recoverer = new PublishingDeadLetterRecoverer(connection.jetStream());
		recoverer.setObservationRegistry(registry);

		recoverer.recover(deadLetter(original, "obsdlq.small"));

		assertThat(registry).hasObservationWithNameEqualTo("nats.publish")
			.that()
			.hasLowCardinalityKeyValue("outcome", "ack")
			.hasLowCardinalityKeyValue("stream", "OBS_DLQ");
		MessageInfo deadLetter = connection.jetStreamManagement().getLastMessage("OBS_DLQ", "obsdlq.small");
		assertThat(deadLetter.getHeaders().getFirst("traceparent")).isEqualTo(TRACEPARENT);
	}

	private static DeadLetter deadLetter(Message original, String subject) {
		return new DeadLetter(original, DeadLetterReason.NON_RETRYABLE, new IllegalArgumentException("refused"),
				"durable", subject, Instant.now());
	}

	private static Message original(String subject, byte[] payload) throws Exception {
		connection.jetStream()
			.publish(NatsMessage.builder()
				.subject(subject)
				.headers(new Headers().put("traceparent", TRACEPARENT))
				.data(payload)
				.build());
		return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> connection.jetStream()
			.getStreamContext("OBS_ORIGINALS")
			.createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(subject)
				.deliverPolicy(DeliverPolicy.LastPerSubject))
			.next(Duration.ofSeconds(1)), (message) -> message != null);
	}

}

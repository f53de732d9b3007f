package io.github.natsjetstream.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.natsjetstream.core.NatsPublishException.Reason;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Subscription;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failures of the {@link JetStreamTemplate}, each a {@link NatsPublishException} that
 * names the subject and what went wrong, synchronously and asynchronously.
 */
class JetStreamTemplateErrorTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner runner = PublishingContexts.runner(nats.server());

	@Test
	void subjectWithoutStreamFailsNamingTheSubject() {
		this.runner.run((context) -> {
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			assertFailure(() -> template.publish("nostream.orders", "x"), Reason.NO_STREAM)
				.withMessageContaining("No stream captures subject 'nostream.orders'");
			assertAsyncFailure(template.publishAsync("nostream.orders", "x"), Reason.NO_STREAM)
				.withMessageContaining("No stream captures subject 'nostream.orders'");
		});
	}

	@Test
	void messageLargerThanMaxPayloadFailsNamingBothSizes() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("LARGE").subjects("large.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			long maxPayload = context.getBean(Connection.class).getMaxPayload();
			byte[] payload = new byte[(int) maxPayload];
			assertFailure(() -> template.publish("large.1", payload), Reason.PAYLOAD_TOO_LARGE)
				.withMessageContaining("'large.1'")
				.withMessageContaining(String.format("is %,d bytes (payload and headers)", maxPayload
						+ new Headers().put("Content-Type", "application/octet-stream").serializedLength()))
				.withMessageContaining(String.format("max_payload of %,d bytes", maxPayload));
			assertAsyncFailure(template.publishAsync("large.1", payload), Reason.PAYLOAD_TOO_LARGE)
				.withMessageContaining(String.format("max_payload of %,d bytes", maxPayload));
			assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			assertThat(management.getStreamInfo("LARGE").getStreamState().getMsgCount()).isZero();
		});
	}

	@Test
	void messageLargerThanTheStreamsMaximumFailsNamingTheStreamAndItsLimit() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management,
					StreamConfiguration.builder().name("SMALL").subjects("small.>").maximumMessageSize(100));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			assertFailure(() -> template.publish("small.1", new byte[500]), Reason.PAYLOAD_TOO_LARGE)
				.withMessageContaining("'small.1'")
				.withMessageContaining("maximum message size of 100 bytes (max-msg-size) of stream 'SMALL'");
			assertAsyncFailure(template.publishAsync("small.1", new byte[500]), Reason.PAYLOAD_TOO_LARGE)
				.withMessageContaining("of stream 'SMALL'");
		});
	}

	@Test
	void wrongExpectationsFailNamingTheExpectationAndTheActualValue() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("EXPECT").subjects("expect.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			template.publish("expect.a", "1", NatsPublishOptions.builder().messageId("m-1").build());
			template.publish("expect.b", "2", NatsPublishOptions.builder().messageId("m-2").build());
			assertFailure(() -> template.publish("expect.a", "3",
					NatsPublishOptions.builder().expectedLastSequence(1).build()), Reason.WRONG_EXPECTATION)
				.withMessageContaining("'expect.a'")
				.withMessageContaining("expected last sequence 1, but it is 2");
			assertFailure(() -> template.publish("expect.a", "3",
					NatsPublishOptions.builder().expectedLastSubjectSequence(0).build()), Reason.WRONG_EXPECTATION)
				.withMessageContaining("expected last subject sequence 0, but it is 1");
			assertFailure(() -> template.publish("expect.a", "3",
					NatsPublishOptions.builder().expectedLastMessageId("m-1").build()), Reason.WRONG_EXPECTATION)
				.withMessageContaining("expected last message id 'm-1', but it is 'm-2'");
			assertFailure(() -> template.publish("expect.a", "3",
					NatsPublishOptions.builder().expectedStream("OTHER").build()), Reason.WRONG_EXPECTATION)
				.withMessageContaining("expected stream 'OTHER', but the subject is captured by stream 'EXPECT'");
			assertAsyncFailure(template.publishAsync("expect.a", "3",
					NatsPublishOptions.builder().expectedLastSequence(5).build()), Reason.WRONG_EXPECTATION)
				.withMessageContaining("expected last sequence 5, but it is 2");
			assertThat(management.getStreamInfo("EXPECT").getStreamState().getMsgCount()).isEqualTo(2);
		});
	}

	@Test
	void bothSequenceExpectationsAreToldApartWhereTheServersAnswerAllows() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("BOTH").subjects("both.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			template.publish("both.b", "1");
			template.publish("both.a", "2");
			assertFailure(() -> template.publish("both.a", "3",
					NatsPublishOptions.builder().expectedLastSubjectSequence(2).expectedLastSequence(1).build()),
					Reason.WRONG_EXPECTATION)
				.withMessageContaining("expected last sequence 1, but it is 2");
			assertFailure(() -> template.publish("both.b", "3",
					NatsPublishOptions.builder().expectedLastSubjectSequence(2).expectedLastSequence(2).build()),
					Reason.WRONG_EXPECTATION)
				.withMessageContaining("expected last subject sequence 2 and last sequence 2, but one of them is 1");
		});
	}

	@Test
	void expectationsThatHoldStoreTheMessage() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("HOLD").subjects("hold.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			PublishAck first = template.publish("hold.a", "1", NatsPublishOptions.builder()
				.expectedStream("HOLD")
				.expectedLastSubjectSequence(0)
				.messageId("h-1")
				.build());
			PublishAck second = template.publish("hold.a", "2", NatsPublishOptions.builder()
				.expectedLastSequence(first.getSeqno())
				.expectedLastSubjectSequence(first.getSeqno())
				.expectedLastMessageId("h-1")
				.build());
			assertThat(second.getSeqno()).isEqualTo(2);
		});
	}

	@Test
	void unacknowledgedPublishTimesOutNamingTheSubjectAndTheTimeout() {
		this.runner.withPropertyValues("nats.jetstream.publish.timeout=400ms").run((context) -> {
			Connection connection = context.getBean(Connection.class);
			// A plain subscriber receives the publish and never answers, as a stream whose
			// server is cut off would.
			Subscription silent = connection.subscribe("silent.>");
			connection.flush(PublishingContexts.patience());
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			assertFailure(() -> template.publish("silent.sync", "x",
					NatsPublishOptions.builder().timeout(Duration.ofMillis(300)).build()), Reason.TIMEOUT)
				.withMessageContaining("No acknowledgement for the message to subject 'silent.sync' within 300ms");
			assertAsyncFailure(template.publishAsync("silent.async", "x"), Reason.TIMEOUT)
				.withMessageContaining("subject 'silent.async' within 400ms");
			assertThat(PublishingContexts.next(silent).getSubject()).isEqualTo("silent.sync");
			assertThat(PublishingContexts.next(silent).getSubject()).isEqualTo("silent.async");
			assertThat(template.getInFlight()).isZero();
		});
	}

	@Test
	void payloadThatCannotBeConvertedFailsNamingItsType() {
		this.runner.run((context) -> {
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			assertFailure(() -> template.publish("any.subject", new Unwritable()), Reason.CONVERSION)
				.withMessageContaining("payload of type '" + Unwritable.class.getName() + "' for subject 'any.subject'")
				.withMessageContaining("not today");
		});
	}

	@Test
	void closedConnectionFailsNamingTheSubject() {
		this.runner.run((context) -> {
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			context.getBean(Connection.class).close();
			assertFailure(() -> template.publish("closed.1", "x"), Reason.CONNECTION)
				.withMessageContaining("Cannot publish to subject 'closed.1'");
			assertAsyncFailure(template.publishAsync("closed.1", "x"), Reason.CONNECTION)
				.withMessageContaining("'closed.1'");
			assertThat(template.getInFlight()).isZero();
		});
	}

	private static ThrowableAssertAlternative<NatsPublishException> assertFailure(Runnable publish, Reason reason) {
		return assertThatExceptionOfType(NatsPublishException.class).isThrownBy(publish::run)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	private static ThrowableAssertAlternative<NatsPublishException> assertAsyncFailure(
			CompletableFuture<PublishAck> future, Reason reason) {
		return assertThatExceptionOfType(NatsPublishException.class)
			.isThrownBy(() -> {
				try {
					future.join();
				}
				catch (java.util.concurrent.CompletionException ex) {
					throw ex.getCause();
				}
			})
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("not today");
		}

	}

}

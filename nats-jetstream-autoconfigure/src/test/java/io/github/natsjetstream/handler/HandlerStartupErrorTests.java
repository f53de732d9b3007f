package io.github.natsjetstream.handler;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.retry.DeadLetterReason;
import io.github.natsjetstream.retry.ErrorClassifier;
import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.context.properties.bind.BindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handler declarations that cannot work fail startup with a message naming the handler;
 * a handler's own error classifier decides what is retried.
 */
class HandlerStartupErrorTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void noStreamCapturingTheSubjectsIsAStartupErrorSayingSo() {
		HandlerContexts.runner(nats.server())
			.withBean("orphanHandler", OrphanHandler.class, OrphanHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("No stream captures subjects [orphan.*]")
				.hasMessageContaining("OrphanHandler.on(String)"));
	}

	@Test
	void severalStreamsCapturingTheSubjectsIsAStartupErrorNamingThem() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.SEVERAL_A.subjects=several.a.>",
					"nats.jetstream.streams.SEVERAL_B.subjects=several.b.>")
			.withBean("severalHandler", SeveralHandler.class, SeveralHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("Several streams [SEVERAL_A, SEVERAL_B]")
				.hasMessageContaining("SeveralHandler.on(String)"));
	}

	@Test
	@EnabledOnNatsServer(below = "2.10", reason = "servers from 2.10 take several filter subjects per consumer "
			+ "(SubjectRoutingTests.severalSubjectsShareOneConsumerFrom210)")
	void severalSubjectsOnAServerBefore210IsAStartupErrorSayingWhy() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.MULTI.subjects=multi.>")
			.withBean("multiHandler", MultiHandler.class, MultiHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("MultiHandler.on(String)")
				.hasMessageContaining("one filter subject per consumer"));
	}

	@Test
	void configurationForAHandlerIdNoHandlerHasIsAStartupErrorNamingTheClosestIds() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.TYPO.subjects=typo.>",
					"nats.jetstream.handlers.typoHandler-onn.concurrency=2")
			.withBean("typoHandler", TypoHandler.class, TypoHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("Property 'nats.jetstream.handlers.typoHandler-onn' configures no handler")
				.hasMessageContaining("The closest handler ids are 'typoHandler-on'"));
	}

	@Test
	void deadLetterSubjectNoStreamCapturesIsAStartupErrorNamingTheHandler() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.TYPO.subjects=typo.>",
					"nats.jetstream.handlers.typoHandler-on.dead-letter=nowhere.{durable}")
			.withBean("typoHandler", TypoHandler.class, TypoHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("No stream captures the dead-letter subject 'nowhere.handler-tests-typoHandler-on'")
				.hasMessageContaining("of handler TypoHandler.on(String)")
				.hasMessageContaining("from property 'nats.jetstream.handlers.typoHandler-on.dead-letter'"));
	}

	@Test
	void shutdownTimeoutThatSpringsShutdownPhaseWouldCutOffIsAStartupError() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.TYPO.subjects=typo.>", "nats.jetstream.shutdown-timeout=30s")
			.withBean("typoHandler", TypoHandler.class, TypoHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("nats.jetstream.shutdown-timeout (30s)")
				.hasMessageContaining("spring.lifecycle.timeout-per-shutdown-phase (30s)"));
	}

	@Test
	void unparsableAttributeIsAStartupErrorNamingTheAttributeAndTheValue() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.TYPO.subjects=typo.>", "handler.ack-wait=soon")
			.withBean("badAttributeHandler", BadAttributeHandler.class, BadAttributeHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("Invalid attribute 'ackWait' ('soon') of handler 'badAttributeHandler-on'")
				.hasMessageContaining("BadAttributeHandler.on(String)"));
	}

	@Test
	void invalidOverridePropertyIsAStartupErrorNamingTheProperty() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.TYPO.subjects=typo.>",
					"nats.jetstream.handlers.typoHandler-on.deliver-policy=sometimes")
			.withBean("typoHandler", TypoHandler.class, TypoHandler::new)
			.run((context) -> {
				assertThat(HandlerContexts.startupFailure(context, BindException.class))
					.hasMessageContaining("nats.jetstream.handlers.typohandler-on.deliver-policy");
				assertThat(context).getFailure().rootCause().hasMessageContaining("'sometimes' is not a deliver policy");
			});
	}

	@Test
	void handlersErrorClassifierDecidesWhatIsNotRetried() {
		ClassifiedHandler handler = new ClassifiedHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.CLASSIFIED.subjects=classified.>")
			.withBean("classifiedHandler", ClassifiedHandler.class, () -> handler)
			.withBean("timeoutsAreFinal", ErrorClassifier.class,
					() -> (failure) -> (failure instanceof java.util.concurrent.TimeoutException)
							? DeadLetterReason.NON_RETRYABLE : null)
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "classified.order", "{}");
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				MessageInfo deadLetter = await().atMost(HandlerContexts.patience())
					.ignoreExceptions()
					.until(() -> management.getLastMessage("DLQ_TESTS",
							"dlqtests.CLASSIFIED.handler-tests-classifiedHandler-on"), (m) -> m != null);
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("non-retryable");
				assertThat(handler.invocations.get()).isEqualTo(1);
			});
	}

	static class OrphanHandler {

		@NatsHandler("orphan.*")
		void on(String payload) {
		}

	}

	static class SeveralHandler {

		@NatsHandler("several.>")
		void on(String payload) {
		}

	}

	static class MultiHandler {

		@NatsHandler({ "multi.a", "multi.b" })
		void on(String payload) {
		}

	}

	static class TypoHandler {

		@NatsHandler("typo.a")
		void on(String payload) {
		}

	}

	static class BadAttributeHandler {

		@NatsHandler(value = "typo.b", ackWait = "${handler.ack-wait}")
		void on(String payload) {
		}

	}

	static class ClassifiedHandler {

		final AtomicInteger invocations = new AtomicInteger();

		@NatsHandler(value = "classified.*", errorClassifier = "timeoutsAreFinal")
		void on(String payload) throws java.util.concurrent.TimeoutException {
			this.invocations.incrementAndGet();
			throw new java.util.concurrent.TimeoutException("upstream timed out");
		}

	}

}

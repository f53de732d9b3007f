package io.github.natsjetstream.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.observation.DefaultNatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerContext;
import io.github.natsjetstream.observation.NatsHandlerObservationConvention;
import io.github.natsjetstream.support.NatsHeaders;
import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.github.natsjetstream.retry.NatsBatchFailedException;
import io.nats.client.JetStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code nats.handler} observation: one per delivery, with the handler, stream,
 * outcome and subject, the handler's failure as its error, the dead letter's publish
 * observed within it, and the user's convention.
 */
class HandlerObservationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private ApplicationContextRunner runner(String stream, String prefix) {
		return HandlerContexts.runner(nats.server())
			.withBean(ObservationRegistry.class, () -> this.registry)
			.withPropertyValues("nats.jetstream.streams." + stream + ".subjects=" + prefix + ".>",
					"observed.prefix=" + prefix)
			.withBean("handlers", Handlers.class, Handlers::new);
	}

	@Test
	void aHandledMessageIsObservedWithHandlerStreamOutcomeAndSubject() {
		runner("OBSERVED", "observed").run((context) -> {
			HandlerContexts.publish(context.getBean(JetStream.class), "observed.ok.1", "x");
			await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
				assertThat(this.registry).hasObservationWithNameEqualTo("nats.handler")
					.that()
					.hasContextualNameEqualTo("nats handle")
					.hasLowCardinalityKeyValue("handler", "ok")
					.hasLowCardinalityKeyValue("stream", "OBSERVED")
					.hasLowCardinalityKeyValue("outcome", "ack")
					.hasHighCardinalityKeyValue("subject", "observed.ok.1")
					.doesNotHaveError()
					.doesNotHaveParentObservation()
					.hasBeenStarted()
					.hasBeenStopped();
			});
		});
	}

	@Test
	void aRetriedMessageIsObservedOncePerDeliveryWithTheFailureAsError() {
		runner("OBSERVED_RETRY", "observedretry").run((context) -> {
			HandlerContexts.publish(context.getBean(JetStream.class), "observedretry.flaky.1", "x");
			await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
				assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("nats.handler", 2)
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("handler", "flaky")
						.hasLowCardinalityKeyValue("outcome", "retry")
						.assertThatError()
						.isInstanceOf(IllegalStateException.class)
						.hasMessage("first delivery fails"))
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("handler", "flaky")
						.hasLowCardinalityKeyValue("outcome", "ack")
						.doesNotHaveError());
			});
		});
	}

	@Test
	void aDeadLetteredMessageIsObservedWithItsDeadLetterPublishWithin() {
		runner("OBSERVED_DLQ", "observeddlq").run((context) -> {
			HandlerContexts.publish(context.getBean(JetStream.class), "observeddlq.reject.1", "x");
			await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
				assertThat(this.registry).hasObservationWithNameEqualTo("nats.handler")
					.that()
					.hasLowCardinalityKeyValue("handler", "reject")
					.hasLowCardinalityKeyValue("stream", "OBSERVED_DLQ")
					.hasLowCardinalityKeyValue("outcome", "dead-letter")
					.assertThatError()
					.isInstanceOf(IllegalArgumentException.class);
				assertThat(this.registry).hasObservationWithNameEqualTo("nats.publish")
					.that()
					.hasLowCardinalityKeyValue("stream", "DLQ_TESTS")
					.hasLowCardinalityKeyValue("outcome", "ack")
					.hasHighCardinalityKeyValue("subject", "dlqtests.OBSERVED_DLQ.handler-tests-handlers-reject")
					.hasParentObservationContextMatching((parent) -> parent instanceof NatsHandlerContext handler
							&& handler.getHandlerId().equals("reject"));
			});
		});
	}

	@Test
	void aConventionBeanReplacesTheDefault() {
		runner("OBSERVED_CONVENTION", "observedconvention")
			.withBean(NatsHandlerObservationConvention.class, DeliveryConvention::new)
			.run((context) -> {
				HandlerContexts.publish(context.getBean(JetStream.class), "observedconvention.ok.1", "x");
				await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
					assertThat(this.registry).hasObservationWithNameEqualTo("nats.handler")
						.that()
						.hasLowCardinalityKeyValue("handler", "ok")
						.hasLowCardinalityKeyValue("outcome", "ack")
						.hasLowCardinalityKeyValue("redelivered", "false");
				});
			});
	}

	@Test
	void eachMessageOfABatchIsObservedUntilItIsSettled() throws Exception {
		HandlerContexts.prePublish(nats.server(), "OBSERVED_BATCH", "observedbatch", List.of("a", "b", "c"));
		HandlerContexts.runner(nats.server())
			.withBean(ObservationRegistry.class, () -> this.registry)
			.withPropertyValues("nats.jetstream.streams.OBSERVED_BATCH.subjects=observedbatch.>")
			.withBean("batchHandler", BatchHandler.class, BatchHandler::new)
			.run((context) -> await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
				assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("nats.handler", 4)
					.hasAnObservation((observation) -> observation.hasHighCardinalityKeyValue("subject", "observedbatch.a")
						.hasLowCardinalityKeyValue("handler", "batched")
						.hasLowCardinalityKeyValue("stream", "OBSERVED_BATCH")
						.hasLowCardinalityKeyValue("outcome", "ack"))
					.hasAnObservation((observation) -> observation.hasHighCardinalityKeyValue("subject", "observedbatch.b")
						.hasLowCardinalityKeyValue("outcome", "dead-letter")
						.assertThatError()
						.isInstanceOf(IllegalArgumentException.class))
					.hasAnObservation((observation) -> observation.hasHighCardinalityKeyValue("subject", "observedbatch.c")
						.hasLowCardinalityKeyValue("outcome", "retry")
						.doesNotHaveError())
					.hasAnObservation((observation) -> observation.hasHighCardinalityKeyValue("subject", "observedbatch.c")
						.hasLowCardinalityKeyValue("outcome", "ack"));
				assertThat(this.registry).hasObservationWithNameEqualTo("nats.publish")
					.that()
					.hasLowCardinalityKeyValue("stream", "DLQ_TESTS")
					.hasParentObservationContextMatching((parent) -> parent instanceof NatsHandlerContext handler
							&& handler.getSubject().equals("observedbatch.b"));
			}));
	}

	@Test
	void withTheHandlerObservationDisabledHandlingsAreNotObservedButDeadLetterPublishesAre() {
		runner("UNOBSERVED_HANDLING", "unobservedhandling")
			.withPropertyValues("nats.jetstream.handler-observation-enabled=false")
			.run((context) -> {
				Handlers handlers = context.getBean(Handlers.class);
				JetStream jetStream = context.getBean(JetStream.class);
				HandlerContexts.publish(jetStream, "unobservedhandling.ok.1", "x");
				HandlerContexts.publish(jetStream, "unobservedhandling.flaky.1", "y");
				HandlerContexts.publish(jetStream, "unobservedhandling.reject.1", "z");
				await().atMost(HandlerContexts.patience()).untilAsserted(() -> {
					assertThat(handlers.handled).containsExactlyInAnyOrder("x", "y");
					assertThat(this.registry).hasObservationWithNameEqualTo("nats.publish")
						.that()
						.hasLowCardinalityKeyValue("stream", "DLQ_TESTS")
						.doesNotHaveParentObservation();
				});
				assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("nats.handler", 0);
			});
	}

	@Test
	void withoutAnObservationRegistryNothingIsObservedAndHandlersWork() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.UNOBSERVED.subjects=unobserved.>",
					"observed.prefix=unobserved")
			.withBean("handlers", Handlers.class, Handlers::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ObservationRegistry.class);
				Handlers handlers = context.getBean(Handlers.class);
				JetStream jetStream = context.getBean(JetStream.class);
				HandlerContexts.publish(jetStream, "unobserved.ok.1", "x");
				HandlerContexts.publish(jetStream, "unobserved.flaky.1", "y");
				await().atMost(HandlerContexts.patience()).until(() -> handlers.handled.size() == 2);
			});
	}

	static class Handlers {

		final List<String> handled = new CopyOnWriteArrayList<>();

		@NatsHandler(value = "${observed.prefix}.ok.*", id = "ok")
		void ok(String payload) {
			this.handled.add(payload);
		}

		@NatsHandler(value = "${observed.prefix}.flaky.*", id = "flaky", backoff = "100ms")
		void flaky(String payload, @Header(NatsHeaders.DELIVERY_COUNT) long delivery) {
			if (delivery == 1) {
				throw new IllegalStateException("first delivery fails");
			}
			this.handled.add(payload);
		}

		@NatsHandler(value = "${observed.prefix}.reject.*", id = "reject",
				noRetryFor = IllegalArgumentException.class)
		void reject(String payload) {
			throw new IllegalArgumentException("not for us");
		}

	}

	static class BatchHandler {

		@NatsHandler(value = "observedbatch.*", id = "batched", batchSize = "3", batchWait = "2s",
				noRetryFor = IllegalArgumentException.class)
		void on(List<io.nats.client.Message> batch) {
			for (io.nats.client.Message message : batch) {
				if (message.getSubject().equals("observedbatch.b")) {
					throw new NatsBatchFailedException("b refused", new IllegalArgumentException("not for us"), message);
				}
			}
		}

	}

	static class DeliveryConvention extends DefaultNatsHandlerObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(NatsHandlerContext context) {
			boolean redelivered = context.getMessage().metaData().deliveredCount() > 1;
			return super.getLowCardinalityKeyValues(context).and("redelivered", Boolean.toString(redelivered));
		}

	}

}

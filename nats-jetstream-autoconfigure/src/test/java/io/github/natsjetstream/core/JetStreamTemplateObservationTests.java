package io.github.natsjetstream.core;

import java.util.concurrent.TimeUnit;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.github.natsjetstream.observation.DefaultNatsPublishObservationConvention;
import io.github.natsjetstream.observation.NatsPublishContext;
import io.github.natsjetstream.observation.NatsPublishObservationConvention;
import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code nats.publish} observation of the {@link JetStreamTemplate}: its name, keys
 * and outcome, the user's convention, and the trace context it writes into the message
 * headers.
 */
class JetStreamTemplateObservationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ApplicationContextRunner runner = PublishingContexts.runner(nats.server())
		.withBean(ObservationRegistry.class, () -> this.registry);

	@Test
	void publishIsObservedWithStreamOutcomeAndSubject() {
		this.runner.run((context) -> {
			PublishingContexts.stream(context.getBean(JetStreamManagement.class),
					StreamConfiguration.builder().name("OBSERVED").subjects("observed.>"));
			context.getBean(JetStreamTemplate.class).publish("observed.sync", "x");
			assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
				.hasObservationWithNameEqualTo("nats.publish")
				.that()
				.hasContextualNameEqualTo("nats publish")
				.hasLowCardinalityKeyValue("stream", "OBSERVED")
				.hasLowCardinalityKeyValue("outcome", "ack")
				.hasHighCardinalityKeyValue("subject", "observed.sync")
				.doesNotHaveError()
				.hasBeenStarted()
				.hasBeenStopped();
		});
	}

	@Test
	void asynchronousPublishIsObservedUntilAcknowledgedAndDuplicatesAreTold() {
		this.runner.run((context) -> {
			PublishingContexts.stream(context.getBean(JetStreamManagement.class),
					StreamConfiguration.builder().name("OBSERVED_ASYNC").subjects("observedasync.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			NatsPublishOptions options = NatsPublishOptions.builder().messageId("once").build();
			template.publishAsync("observedasync.1", "x", options).get(30, TimeUnit.SECONDS);
			template.publishAsync("observedasync.1", "x", options).get(30, TimeUnit.SECONDS);
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("nats.publish", 2)
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "ack")
					.hasLowCardinalityKeyValue("stream", "OBSERVED_ASYNC"))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "duplicate")
					.hasHighCardinalityKeyValue("subject", "observedasync.1"));
		});
	}

	@Test
	void failedPublishIsObservedWithItsReasonAndError() {
		this.runner.run((context) -> {
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			assertThatExceptionOfType(NatsPublishException.class)
				.isThrownBy(() -> template.publish("unobserved.nostream", "x"));
			assertThat(this.registry).hasObservationWithNameEqualTo("nats.publish")
				.that()
				.hasLowCardinalityKeyValue("outcome", "no-stream")
				.hasLowCardinalityKeyValue("stream", "unknown")
				.hasHighCardinalityKeyValue("subject", "unobserved.nostream")
				.assertThatError()
				.isInstanceOf(NatsPublishException.class);
		});
	}

	@Test
	void conventionBeanReplacesTheDefault() {
		this.runner.withBean(NatsPublishObservationConvention.class, TenantConvention::new).run((context) -> {
			PublishingContexts.stream(context.getBean(JetStreamManagement.class),
					StreamConfiguration.builder().name("CONVENTION").subjects("convention.>"));
			context.getBean(JetStreamTemplate.class)
				.publish("convention.1", "x", NatsPublishOptions.builder().header("Tenant", "acme").build());
			assertThat(this.registry).hasObservationWithNameEqualTo("nats.publish")
				.that()
				.hasLowCardinalityKeyValue("tenant", "acme")
				.hasLowCardinalityKeyValue("outcome", "ack");
		});
	}

	@Test
	void traceContextTravelsInTheMessageHeaders() {
		ThreadLocalCurrentTraceContext currentTraceContext = ThreadLocalCurrentTraceContext.newBuilder().build();
		try (Tracing tracing = Tracing.newBuilder()
			.currentTraceContext(currentTraceContext)
			.propagationFactory(new W3CPropagation())
			.traceId128Bit(true)
			.sampler(Sampler.ALWAYS_SAMPLE)
			.build()) {
			Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(currentTraceContext));
			ObservationRegistry tracingRegistry = ObservationRegistry.create();
			tracingRegistry.observationConfig()
				.observationHandler(new FirstMatchingCompositeObservationHandler(
						new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
						new DefaultTracingObservationHandler(tracer)));
			PublishingContexts.runner(nats.server())
				.withBean(ObservationRegistry.class, () -> tracingRegistry)
				.run((context) -> {
					JetStreamManagement management = context.getBean(JetStreamManagement.class);
					PublishingContexts.stream(management,
							StreamConfiguration.builder().name("TRACED").subjects("traced.>"));
					JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
					Observation request = Observation.start("request", tracingRegistry);
					PublishAck ack;
					try (Observation.Scope scope = request.openScope()) {
						ack = template.publish("traced.1", "x");
					}
					finally {
						request.stop();
					}
					TracingContext tracingContext = request.getContext().getRequired(TracingContext.class);
					String traceId = tracingContext.getSpan().context().traceId();
					Headers stored = management.getMessage("TRACED", ack.getSeqno()).getHeaders();
					assertThat(stored.getFirst("traceparent")).startsWith("00-" + traceId + "-");
				});
		}
	}

	static class TenantConvention extends DefaultNatsPublishObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(NatsPublishContext context) {
			Headers headers = context.getCarrier();
			String tenant = (headers != null) ? headers.getFirst("Tenant") : null;
			return super.getLowCardinalityKeyValues(context).and("tenant", (tenant != null) ? tenant : "none");
		}

	}

}

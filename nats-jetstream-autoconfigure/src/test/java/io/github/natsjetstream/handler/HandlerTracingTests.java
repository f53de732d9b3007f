package io.github.natsjetstream.handler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import brave.Tracing;
import brave.context.slf4j.MDCScopeDecorator;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;
import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.JetStreamTemplateAutoConfiguration;
import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.observation.NatsHandlerMdc;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ReplayRequest;
import io.github.natsjetstream.retry.ReplayResult;
import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the publisher through the handler, its dead letter and the replay of
 * the dead letter, carried in the NATS headers (W3C {@code traceparent}) by Micrometer
 * Tracing with the Brave bridge; and the MDC of the handler, trace ids included.
 */
class HandlerTracingTests {

	private static final String DEAD_LETTER_SUBJECT = "dlqtests.TRACED.handler-tests-tracedHandler-on";

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

	private final ThreadLocalCurrentTraceContext currentTraceContext = ThreadLocalCurrentTraceContext.newBuilder()
		.addScopeDecorator(MDCScopeDecorator.get())
		.build();

	private final Tracing tracing = Tracing.newBuilder()
		.currentTraceContext(this.currentTraceContext)
		.propagationFactory(new W3CPropagation())
		.traceId128Bit(true)
		.sampler(Sampler.ALWAYS_SAMPLE)
		.addSpanHandler(new SpanHandler() {

			@Override
			public boolean end(TraceContext context, MutableSpan span, Cause cause) {
				HandlerTracingTests.this.spans.add(span);
				return true;
			}

		})
		.build();

	@AfterEach
	void closeTracing() {
		this.tracing.close();
	}

	@Test
	void publisherHandlerDeadLetterAndReplayAreOneTrace() {
		ObservationRegistry registry = tracingRegistry();
		TracedHandler handler = new TracedHandler();
		HandlerContexts.runner(nats.server())
			.withConfiguration(AutoConfigurations.of(JetStreamTemplateAutoConfiguration.class))
			.withPropertyValues("nats.jetstream.streams.TRACED.subjects=traced.>")
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean("tracedHandler", TracedHandler.class, () -> handler)
			.run((context) -> {
				JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
				Observation request = Observation.start("request", registry);
				PublishAck published;
				try (Observation.Scope scope = request.openScope()) {
					published = template.publish("traced.order.1", "x");
				}
				finally {
					request.stop();
				}
				String traceId = tracingContext(request).getSpan().context().traceId();

				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				MessageInfo deadLetter = await().atMost(HandlerContexts.patience())
					.ignoreExceptions()
					.until(() -> management.getLastMessage("DLQ_TESTS", DEAD_LETTER_SUBJECT), (info) -> info != null);
				MutableSpan firstHandling = awaitSpan("nats handle", 1);
				assertThat(deadLetter.getHeaders().getFirst("traceparent")).startsWith("00-" + traceId + "-");

				ReplayResult replayed = context.getBean(DeadLetterReplayer.class).replay(ReplayRequest.ofConsumer("handler-tests-tracedHandler-on"));
				assertThat(replayed.replayed()).isEqualTo(1);
				await().atMost(HandlerContexts.patience()).until(() -> handler.mdc.size() == 2);
				MutableSpan secondHandling = awaitSpan("nats handle", 2);

				assertThat(this.spans).filteredOn((span) -> !span.name().equals("request"))
					.extracting(MutableSpan::traceId)
					.containsOnly(traceId);
				MutableSpan publish = span("nats publish", (span) -> "TRACED".equals(span.tag("stream")));
				MutableSpan deadLetterPublish = span("nats publish",
						(span) -> "DLQ_TESTS".equals(span.tag("stream")));
				assertThat(publish.parentId()).isEqualTo(spanId(request));
				assertThat(firstHandling.parentId()).isEqualTo(publish.id());
				assertThat(firstHandling.tag("outcome")).isEqualTo("dead-letter");
				assertThat(firstHandling.tag("subject")).isEqualTo("traced.order.1");
				assertThat(deadLetterPublish.parentId()).isEqualTo(firstHandling.id());
				assertThat(deadLetter.getHeaders().getFirst("traceparent")).contains("-" + deadLetterPublish.id() + "-");
				assertThat(secondHandling.parentId()).isEqualTo(deadLetterPublish.id());
				assertThat(secondHandling.tag("outcome")).isEqualTo("ack");

				Map<String, String> first = handler.mdc.get(0);
				assertThat(first).containsEntry(NatsHandlerMdc.HANDLER, "traced")
					.containsEntry(NatsHandlerMdc.SUBJECT, "traced.order.1")
					.containsEntry(NatsHandlerMdc.STREAM, "TRACED")
					.containsEntry(NatsHandlerMdc.SEQUENCE, Long.toString(published.getSeqno()))
					.containsEntry(NatsHandlerMdc.DELIVERED, "1")
					.containsEntry("traceId", traceId)
					.containsEntry("spanId", firstHandling.id());
				assertThat(handler.mdc.get(1)).containsEntry(NatsHandlerMdc.SEQUENCE, Long.toString(published.getSeqno() + 1))
					.containsEntry("traceId", traceId)
					.containsEntry("spanId", secondHandling.id());
			});
	}

	private ObservationRegistry tracingRegistry() {
		Tracer tracer = new BraveTracer(this.tracing.tracer(), new BraveCurrentTraceContext(this.currentTraceContext));
		BravePropagator propagator = new BravePropagator(this.tracing);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
	}

	private MutableSpan awaitSpan(String name, int count) {
		await().atMost(HandlerContexts.patience())
			.until(() -> this.spans.stream().filter((span) -> name.equals(span.name())).count() >= count);
		return this.spans.stream().filter((span) -> name.equals(span.name())).skip(count - 1).findFirst().orElseThrow();
	}

	private MutableSpan span(String name, java.util.function.Predicate<MutableSpan> condition) {
		return this.spans.stream()
			.filter((span) -> name.equals(span.name()) && condition.test(span))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span '" + name + "' matching among " + this.spans));
	}

	private static String spanId(Observation observation) {
		return tracingContext(observation).getSpan().context().spanId();
	}

	private static TracingContext tracingContext(Observation observation) {
		return observation.getContext().getRequired(TracingContext.class);
	}

	static class TracedHandler {

		final List<Map<String, String>> mdc = new CopyOnWriteArrayList<>();

		private final AtomicInteger invocations = new AtomicInteger();

		@NatsHandler(value = "traced.order.*", id = "traced", noRetryFor = IllegalArgumentException.class)
		void on(String payload) {
			this.mdc.add(MDC.getCopyOfContextMap());
			if (this.invocations.incrementAndGet() == 1) {
				throw new IllegalArgumentException("first time refused");
			}
		}

	}

}

package io.github.natsjetstream.benchmarks.experiment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsjetstream.observation.NatsHandlerContext;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Experiment: a meter observation handler of {@code nats.handler} observations only, with
 * the timers of each handler, outcome and error looked up in a cache instead of built
 * from the context's key values, and no long task timer. Registered before Spring Boot's
 * {@code DefaultMeterObservationHandler}, it takes the {@code nats.handler} observations
 * from it (Boot groups the meter handlers, the first one that supports a context handles
 * it). It ignores observation filters and custom conventions: it measures how much of the
 * cost of metrics is the generic meter handler's.
 */
public final class CachedTimerObservationHandler implements MeterObservationHandler<NatsHandlerContext> {

	private final MeterRegistry registry;

	private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

	private final Map<String, Timer> failureTimers = new ConcurrentHashMap<>();

	public CachedTimerObservationHandler(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onStart(NatsHandlerContext context) {
		context.put(Timer.Sample.class, Timer.start(this.registry));
	}

	@Override
	public void onStop(NatsHandlerContext context) {
		Timer.Sample sample = context.getRequired(Timer.Sample.class);
		sample.stop(timer(context));
	}

	private Timer timer(NatsHandlerContext context) {
		NatsHandlerOutcome outcome = context.getOutcome();
		int index = (outcome != null) ? outcome.ordinal() : NatsHandlerOutcome.ERROR.ordinal();
		Throwable error = context.getError();
		if (error == null) {
			Timer[] byOutcome = this.timers.computeIfAbsent(context.getHandlerId(),
					(id) -> new Timer[NatsHandlerOutcome.values().length]);
			Timer timer = byOutcome[index];
			if (timer == null) {
				timer = register(context, outcome, "none");
				byOutcome[index] = timer;
			}
			return timer;
		}
		String key = context.getHandlerId() + "/" + index + "/" + error.getClass().getName();
		return this.failureTimers.computeIfAbsent(key,
				(k) -> register(context, outcome, error.getClass().getSimpleName()));
	}

	private Timer register(NatsHandlerContext context, @Nullable NatsHandlerOutcome outcome, String error) {
		return Timer.builder("nats.handler")
			.tags(Tags.of(Tag.of("handler", context.getHandlerId()), Tag.of("stream", context.getStream()),
					Tag.of("outcome", (outcome != null) ? outcome.getValue() : "error"), Tag.of("error", error)))
			.register(this.registry);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof NatsHandlerContext;
	}

}

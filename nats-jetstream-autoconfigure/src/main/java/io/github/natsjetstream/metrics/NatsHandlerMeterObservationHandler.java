package io.github.natsjetstream.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.observation.NatsHandlerContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Records {@code nats.handler} observations as meters: the same timer (with the
 * observation's low-cardinality tags and an {@code error} tag) and long task timer
 * ({@code nats.handler.active}) as Micrometer's {@code DefaultMeterObservationHandler},
 * but each meter is looked up once per distinct set of tags and kept, rather than built
 * and registered again for every message. Tags come from the context as the convention
 * and the observation filters left them, so a custom convention or filter applies.
 * <p>
 * Spring Boot gives each observation to the first meter handler that supports it; this
 * one is ordered before Boot's default handler, so it takes only the {@code nats.handler}
 * observations.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class NatsHandlerMeterObservationHandler implements MeterObservationHandler<NatsHandlerContext> {

	/**
	 * The tag of the timer that names the type of the error the handling ended with.
	 */
	static final String ERROR_TAG = "error";

	/**
	 * The value of the {@link #ERROR_TAG} when the handling ended without an error.
	 */
	static final String NO_ERROR = "none";

	private final MeterRegistry registry;

	private final Clock clock;

	private final boolean longTaskTimers;

	private final ConcurrentMap<MeterKey, Timer> timers = new ConcurrentHashMap<>();

	private final ConcurrentMap<MeterKey, LongTaskTimer> activeTimers = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, String> activeNames = new ConcurrentHashMap<>();

	/**
	 * Create a new handler.
	 * @param registry the registry to record in
	 * @param longTaskTimers whether to keep a long task timer of the handlings in progress
	 * ({@code management.metrics.observations.ignored-meters=long-task-timer} turns it off)
	 */
	public NatsHandlerMeterObservationHandler(MeterRegistry registry, boolean longTaskTimers) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		this.clock = registry.config().clock();
		this.longTaskTimers = longTaskTimers;
	}

	@Override
	public void onStart(NatsHandlerContext context) {
		LongTaskTimer.Sample active = null;
		if (this.longTaskTimers) {
			active = activeTimer(context).start();
		}
		context.put(Handling.class, new Handling(this.clock.monotonicTime(), active));
	}

	@Override
	public void onStop(NatsHandlerContext context) {
		Handling handling = context.getRequired(Handling.class);
		timer(context).record(this.clock.monotonicTime() - handling.startNanos(), TimeUnit.NANOSECONDS);
		LongTaskTimer.Sample active = handling.active();
		if (active != null) {
			active.stop();
		}
	}

	private LongTaskTimer activeTimer(NatsHandlerContext context) {
		String name = this.activeNames.get(context.getName());
		if (name == null) {
			name = this.activeNames.computeIfAbsent(context.getName(), (handlerName) -> handlerName + ".active");
		}
		MeterKey key = new MeterKey(name, context.getLowCardinalityKeyValues(), null);
		LongTaskTimer timer = this.activeTimers.get(key);
		return (timer != null) ? timer : this.activeTimers.computeIfAbsent(key,
				(k) -> LongTaskTimer.builder(k.name()).tags(tags(k.keyValues(), null)).register(this.registry));
	}

	private Timer timer(NatsHandlerContext context) {
		Throwable error = context.getError();
		MeterKey key = new MeterKey(context.getName(), context.getLowCardinalityKeyValues(),
				(error != null) ? error.getClass().getSimpleName() : NO_ERROR);
		Timer timer = this.timers.get(key);
		return (timer != null) ? timer : this.timers.computeIfAbsent(key,
				(k) -> Timer.builder(k.name()).tags(tags(k.keyValues(), k.error())).register(this.registry));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof NatsHandlerContext;
	}

	private static List<Tag> tags(KeyValues keyValues, @Nullable String error) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : keyValues) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		if (error != null) {
			tags.add(Tag.of(ERROR_TAG, error));
		}
		return tags;
	}

	/**
	 * What tells one meter from another: its name, its tags and its error (none for a long
	 * task timer).
	 * <p>
	 * {@code equals} and {@code hashCode} are written out: a record's generated ones run
	 * through method handles shared with other records, whose mixed type and null profiles
	 * made the JIT compiler discard the compiled handling path (into which these are
	 * inlined) and compile it again while an application started under load.
	 */
	private record MeterKey(String name, KeyValues keyValues, @Nullable String error) {

		@Override
		public boolean equals(@Nullable Object other) {
			if (this == other) {
				return true;
			}
			return other instanceof MeterKey key && this.name.equals(key.name) && this.keyValues.equals(key.keyValues)
					&& Objects.equals(this.error, key.error);
		}

		@Override
		public int hashCode() {
			int hash = 31 * this.name.hashCode() + this.keyValues.hashCode();
			return (this.error != null) ? 31 * hash + this.error.hashCode() : hash;
		}

	}

	/**
	 * One handling in progress: when it started (on the registry's monotonic clock) and its
	 * long task timer sample, if kept.
	 */
	private record Handling(long startNanos, LongTaskTimer.@Nullable Sample active) {
	}

}

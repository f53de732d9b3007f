package io.github.natsjetstream.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.github.natsjetstream.observation.NatsHandlerObservation;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.github.natsjetstream.observation.NatsHandlerTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * {@link NatsHandlerTimers} that record the {@code nats.handler} timer in a
 * {@link MeterRegistry}, with the tags of the observation's default convention and the
 * {@code error} tag of its meter handler. Each handler looks up its timer once per outcome
 * and error type.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class NatsHandlerTimerMeters implements NatsHandlerTimers {

	private static final String NAME = "nats.handler";

	private final MeterRegistry registry;

	/**
	 * Create a new instance.
	 * @param registry the registry to record in
	 */
	public NatsHandlerTimerMeters(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public HandlerTimer forHandler(String handlerId, String stream) {
		return new HandlerTimerMeters(this.registry, Tags.of(
				NatsHandlerObservation.HandlerLowCardinalityKeyNames.HANDLER.asString(), handlerId,
				NatsHandlerObservation.HandlerLowCardinalityKeyNames.STREAM.asString(), stream));
	}

	/**
	 * The timers of one handler: one per outcome without an error, looked up when first
	 * recorded, and one per outcome and error type.
	 */
	private static final class HandlerTimerMeters implements HandlerTimer {

		private final MeterRegistry registry;

		private final Tags tags;

		private final AtomicReferenceArray<Timer> withoutError = new AtomicReferenceArray<>(
				NatsHandlerOutcome.values().length);

		private final ConcurrentMap<String, Timer> withError = new ConcurrentHashMap<>();

		HandlerTimerMeters(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.tags = tags;
		}

		@Override
		public void record(NatsHandlerOutcome outcome, @Nullable Throwable error, long nanos) {
			timer(outcome, error).record(nanos, TimeUnit.NANOSECONDS);
		}

		private Timer timer(NatsHandlerOutcome outcome, @Nullable Throwable error) {
			if (error == null) {
				Timer timer = this.withoutError.get(outcome.ordinal());
				if (timer == null) {
					timer = register(outcome, NatsHandlerMeterObservationHandler.NO_ERROR);
					this.withoutError.set(outcome.ordinal(), timer);
				}
				return timer;
			}
			String errorName = error.getClass().getSimpleName();
			return this.withError.computeIfAbsent(outcome.getValue() + ' ' + errorName,
					(key) -> register(outcome, errorName));
		}

		private Timer register(NatsHandlerOutcome outcome, String error) {
			return Timer.builder(NAME)
				.tags(this.tags)
				.tag(NatsHandlerObservation.HandlerLowCardinalityKeyNames.OUTCOME.asString(), outcome.getValue())
				.tag(NatsHandlerMeterObservationHandler.ERROR_TAG, error)
				.register(this.registry);
		}

	}

}

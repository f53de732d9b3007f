package io.github.natsjetstream.metrics;

import io.github.natsjetstream.observation.DefaultNatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerContext;
import io.github.natsjetstream.observation.NatsHandlerObservation;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NatsHandlerMeterObservationHandler}: the meters it records
 * {@code nats.handler} observations in, with the tags the convention and the filters left.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class NatsHandlerMeterObservationHandlerTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	@Test
	void eachHandlingIsTimedWithItsHandlerStreamAndOutcome() {
		this.observations.observationConfig()
			.observationHandler(new NatsHandlerMeterObservationHandler(this.meters, true));
		handle(NatsHandlerOutcome.ACK);
		handle(NatsHandlerOutcome.ACK);
		handle(NatsHandlerOutcome.RETRY);
		assertThat(timer("ack").count()).isEqualTo(2);
		assertThat(timer("retry").count()).isEqualTo(1);
		assertThat(this.meters.get("nats.handler.active").tags("handler", "orders", "stream", "ORDERS")
			.longTaskTimer()
			.activeTasks()).isZero();
	}

	@Test
	void aHandlingInProgressIsActive() {
		this.observations.observationConfig()
			.observationHandler(new NatsHandlerMeterObservationHandler(this.meters, true));
		Observation observation = start();
		LongTaskTimer active = this.meters.get("nats.handler.active")
			.tags("handler", "orders", "stream", "ORDERS")
			.longTaskTimer();
		assertThat(active.activeTasks()).isOne();
		stop(observation, NatsHandlerOutcome.ACK);
		assertThat(active.activeTasks()).isZero();
	}

	@Test
	void withoutLongTaskTimersNoneIsRegistered() {
		this.observations.observationConfig()
			.observationHandler(new NatsHandlerMeterObservationHandler(this.meters, false));
		handle(NatsHandlerOutcome.ACK);
		assertThat(timer("ack").count()).isOne();
		assertThat(this.meters.find("nats.handler.active").meters()).isEmpty();
	}

	@Test
	void aFilterAddingATagOnSomeHandlingsGivesThemATimerOfTheirOwn() {
		this.observations.observationConfig()
			.observationHandler(new NatsHandlerMeterObservationHandler(this.meters, true))
			.observationFilter((context) -> (context instanceof NatsHandlerContext handling
					&& handling.getOutcome() == NatsHandlerOutcome.RETRY)
							? context.addLowCardinalityKeyValue(KeyValue.of("slow", "true")) : context);
		handle(NatsHandlerOutcome.ACK);
		handle(NatsHandlerOutcome.RETRY);
		handle(NatsHandlerOutcome.ACK);
		assertThat(timer("ack").count()).isEqualTo(2);
		assertThat(this.meters.get("nats.handler").tags("outcome", "retry", "slow", "true").timer().count())
			.isOne();
		assertThat(this.meters.find("nats.handler").tags("outcome", "ack", "slow", "true").timer()).isNull();
	}

	@Test
	void anErrorIsATag() {
		this.observations.observationConfig()
			.observationHandler(new NatsHandlerMeterObservationHandler(this.meters, true));
		Observation observation = start();
		observation.error(new IllegalStateException("failed"));
		stop(observation, NatsHandlerOutcome.ERROR);
		assertThat(this.meters.get("nats.handler").tags("outcome", "error", "error", "IllegalStateException")
			.timer()
			.count()).isOne();
	}

	private void handle(NatsHandlerOutcome outcome) {
		stop(start(), outcome);
	}

	private Observation start() {
		NatsHandlerContext context = new NatsHandlerContext(
				NatsMessage.builder().subject("orders.created").data(new byte[0]).build(), "orders", "ORDERS");
		return NatsHandlerObservation.HANDLE
			.observation(null, DefaultNatsHandlerObservationConvention.INSTANCE, () -> context, this.observations)
			.start();
	}

	private static void stop(Observation observation, NatsHandlerOutcome outcome) {
		((NatsHandlerContext) observation.getContext()).setOutcome(outcome);
		observation.stop();
	}

	private Timer timer(String outcome) {
		return this.meters.get("nats.handler")
			.tags("handler", "orders", "stream", "ORDERS", "outcome", outcome, "error", "none")
			.timer();
	}

}

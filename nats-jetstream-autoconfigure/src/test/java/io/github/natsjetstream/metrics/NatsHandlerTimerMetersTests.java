package io.github.natsjetstream.metrics;

import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.github.natsjetstream.observation.NatsHandlerTimers.HandlerTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NatsHandlerTimerMeters}: the {@code nats.handler} timer of each handler, outcome
 * and error type, with the tags of the observation's meters.
 */
class NatsHandlerTimerMetersTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final NatsHandlerTimerMeters timers = new NatsHandlerTimerMeters(this.registry);

	@Test
	void recordsEachHandlingInTheTimerOfItsHandlerStreamOutcomeAndError() {
		HandlerTimer orders = this.timers.forHandler("orders", "ORDERS");
		orders.record(NatsHandlerOutcome.ACK, null, 2_000_000);
		orders.record(NatsHandlerOutcome.ACK, null, 4_000_000);
		orders.record(NatsHandlerOutcome.RETRY, new IllegalStateException("busy"), 1_000_000);
		orders.record(NatsHandlerOutcome.DEAD_LETTER, new IllegalArgumentException("bad"), 1_000_000);
		Timer acknowledged = this.registry.get("nats.handler")
			.tags("handler", "orders", "stream", "ORDERS", "outcome", "ack", "error", "none")
			.timer();
		assertThat(acknowledged.count()).isEqualTo(2);
		assertThat(acknowledged.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
		assertThat(this.registry.get("nats.handler")
			.tags("outcome", "retry", "error", "IllegalStateException")
			.timer()
			.count()).isOne();
		assertThat(this.registry.get("nats.handler")
			.tags("outcome", "dead-letter", "error", "IllegalArgumentException")
			.timer()
			.count()).isOne();
		assertThat(this.registry.find("nats.handler").timers()).hasSize(3);
	}

	@Test
	void handlersHaveTimersOfTheirOwn() {
		this.timers.forHandler("orders", "ORDERS").record(NatsHandlerOutcome.ACK, null, 1);
		this.timers.forHandler("payments", "PAYMENTS").record(NatsHandlerOutcome.ACK, null, 1);
		assertThat(this.registry.get("nats.handler").tags("handler", "orders", "stream", "ORDERS").timer().count())
			.isOne();
		assertThat(this.registry.get("nats.handler").tags("handler", "payments", "stream", "PAYMENTS").timer().count())
			.isOne();
	}

}

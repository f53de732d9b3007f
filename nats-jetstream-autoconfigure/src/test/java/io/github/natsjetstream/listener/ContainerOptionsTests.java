package io.github.natsjetstream.listener;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerOptionsTests {

	private final ContainerOptions options = ContainerOptions.DEFAULTS;

	@Test
	void oneInstanceHoldsAtMostHalfOfMaxAckPending() {
		assertThat(this.options.batchSize(1000, 1)).isEqualTo(250);
		assertThat(this.options.batchSize(1000, 4)).isEqualTo(62);
		assertThat(this.options.batchSize(1000, 4) * 4 * this.options.maxOutstandingPulls()).isLessThanOrEqualTo(500);
	}

	@Test
	void theDefaultMaxAckPendingLeavesASingleWorkerFullPulls() {
		// nats.jetstream.consumer-defaults.max-ack-pending
		assertThat(this.options.batchSize(2000, 1)).isEqualTo(this.options.maxBatchSize());
	}

	@Test
	void batchesAreAtLeastOneAndAtMostTheLargestPull() {
		assertThat(this.options.batchSize(1, 1)).isEqualTo(1);
		assertThat(this.options.batchSize(10, 8)).isEqualTo(1);
		assertThat(this.options.batchSize(100_000, 1)).isEqualTo(500);
	}

	@Test
	void keepAlivesRunAtAQuarterOfTheAckWaitAndFireAfterHalfOfIt() {
		assertThat(this.options.keepAlivePeriod(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(7500));
		assertThat(this.options.keepAlivePeriod(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(50));
		assertThat(this.options.keepAliveAfter(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void alignsRepeatedTasksOnMultiplesOfTheirPeriod() {
		long millis = 1_000_000L;
		assertThat(ContainerOptions.alignedDelay(5000, 12_300 * millis)).isEqualTo(2700);
		assertThat(ContainerOptions.alignedDelay(5000, 14_100 * millis)).isEqualTo(900);
		assertThat(ContainerOptions.alignedDelay(5000, 15_000 * millis)).isEqualTo(5000);
		assertThat(ContainerOptions.alignedDelay(5000, -2_000 * millis)).isEqualTo(2000);
	}

}

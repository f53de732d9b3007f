package io.github.natsjetstream.autoconfigure;

import java.time.Duration;

import io.github.natsjetstream.config.InvalidHandlerException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ShutdownTimeoutTests {

	@Test
	void unsetTimeoutLeavesFiveSecondsOfSpringsShutdownPhase() {
		assertThat(ShutdownTimeout.resolve(null, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(25));
		assertThat(ShutdownTimeout.resolve(null, Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(115));
	}

	@Test
	void unsetTimeoutWithinAShortPhaseIsHalfOfIt() {
		assertThat(ShutdownTimeout.resolve(null, Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void configuredTimeoutThatLeavesRoomIsKept() {
		assertThat(ShutdownTimeout.resolve(Duration.ofSeconds(10), Duration.ofSeconds(30)))
			.isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void configuredTimeoutAsLongAsThePhaseIsAnErrorNamingBothProperties() {
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> ShutdownTimeout.resolve(Duration.ofSeconds(30), Duration.ofSeconds(30)))
			.withMessageContaining("nats.jetstream.shutdown-timeout (30s)")
			.withMessageContaining("spring.lifecycle.timeout-per-shutdown-phase (30s)")
			.withMessageContaining("at most 25s")
			.withMessageContaining("at least 35s");
	}

}

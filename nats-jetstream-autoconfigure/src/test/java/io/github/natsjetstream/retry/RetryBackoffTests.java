package io.github.natsjetstream.retry;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryBackoffTests {

	@Test
	void listBackoffRepeatsItsLastDelay() {
		ListBackoff backoff = new ListBackoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)));
		assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(5));
		assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(5));
		assertThat(backoff.schedule(4)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5),
				Duration.ofSeconds(5));
	}

	@Test
	void exponentialBackoffGrowsUpToItsMaximum() {
		ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), 0.0);
		assertThat(backoff.schedule(6)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
	}

	@Test
	void exponentialJitterStaysWithinItsFractionAndLeavesTheScheduleStable() {
		ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10), 0.2);
		for (int i = 0; i < 100; i++) {
			assertThat(backoff.delayAfter(1).toMillis()).isBetween(8000L, 12000L);
		}
		assertThat(backoff.schedule(3)).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
	}

	@Test
	void invalidPoliciesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ListBackoff(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new ListBackoff(List.of(Duration.ofSeconds(-1))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5), 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(10), 2, Duration.ofSeconds(5), 0));
	}

	@Test
	void deadLetterExceptionMessagesFitAHeader() {
		assertThat(PublishingDeadLetterRecoverer.headerSafe("line one\nline two\r\n")).isEqualTo("line one line two");
		assertThat(PublishingDeadLetterRecoverer.headerSafe("\u00e9".repeat(2000))).hasSize(512);
		assertThat(PublishingDeadLetterRecoverer.headerSafe("   ")).isNull();
	}

}

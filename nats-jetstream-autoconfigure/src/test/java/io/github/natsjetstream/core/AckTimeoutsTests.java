package io.github.natsjetstream.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AckTimeouts}.
 */
class AckTimeoutsTests {

	private final AckTimeouts timeouts = new AckTimeouts();

	@Test
	void futureNotCompletedInTimeFailsWithTimeoutException() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		this.timeouts.track(pending, Duration.ofMillis(50));
		await().atMost(Duration.ofSeconds(10)).until(pending::isDone);
		assertThat(pending).failsWithin(Duration.ZERO).withThrowableThat().havingCause().isInstanceOf(TimeoutException.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.timeouts.tracked() == 0);
	}

	@Test
	void completedFuturesAreDroppedAndKeepTheirResult() {
		CompletableFuture<String> acknowledged = new CompletableFuture<>();
		this.timeouts.track(acknowledged, Duration.ofMillis(50));
		acknowledged.complete("ack");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.timeouts.tracked() == 0);
		assertThat(acknowledged).isCompletedWithValue("ack");
	}

	@Test
	void eachTimeoutIsKeptEvenBehindALongerOne() {
		CompletableFuture<String> patient = new CompletableFuture<>();
		CompletableFuture<String> impatient = new CompletableFuture<>();
		this.timeouts.track(patient, Duration.ofHours(1));
		this.timeouts.track(impatient, Duration.ofMillis(50));
		await().atMost(Duration.ofSeconds(10)).until(impatient::isDone);
		assertThat(impatient).isCompletedExceptionally();
		assertThat(patient).isNotDone();
		assertThat(this.timeouts.tracked()).isOne();
	}

	@Test
	void publishTrackedAfterAllWereSweptIsTimedOutToo() {
		CompletableFuture<String> first = new CompletableFuture<>();
		this.timeouts.track(first, Duration.ofMillis(20));
		await().atMost(Duration.ofSeconds(10)).until(() -> first.isDone() && this.timeouts.tracked() == 0);
		CompletableFuture<String> second = new CompletableFuture<>();
		this.timeouts.track(second, Duration.ofMillis(20));
		await().atMost(Duration.ofSeconds(10)).until(second::isDone);
		assertThat(second).isCompletedExceptionally();
	}

}

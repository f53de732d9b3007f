package io.github.natsjetstream.listener;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PullTrackerTests {

	private static final long SECOND = 1_000_000_000L;

	private final PullTracker tracker = new PullTracker(100, SECOND, SECOND / 5, 2);

	@Test
	void pullsWhenNothingIsRequested() {
		assertThat(this.tracker.shouldPull(0, 0)).isTrue();
		this.tracker.pulled(0);
		assertThat(this.tracker.shouldPull(0, 0)).isFalse();
	}

	@Test
	void pullsAgainWhenLessThanAQuarterOfABatchIsLeft() {
		this.tracker.pulled(0);
		receive(75);
		assertThat(this.tracker.shouldPull(1, 0)).isFalse();
		receive(1);
		assertThat(this.tracker.shouldPull(1, 0)).isTrue();
	}

	@Test
	void pullsAgainOnceMessagesHaveArrivedEvenIfNotYetHandled() {
		this.tracker.pulled(0);
		receive(10);
		// 66 more arrived and wait in the subscription: only 24 are still to come.
		assertThat(this.tracker.shouldPull(1, 66)).isTrue();
		assertThat(this.tracker.shouldPull(1, 65)).isFalse();
	}

	@Test
	void doesNotPullWhileABatchWaitsToBeHandled() {
		this.tracker.pulled(0);
		this.tracker.pulled(0);
		receive(100);
		assertThat(this.tracker.shouldPull(1, 99)).isTrue();
		assertThat(this.tracker.shouldPull(1, 100)).isFalse();
	}

	@Test
	void neverHasMoreThanTheMaximumOutstanding() {
		this.tracker.pulled(0);
		receive(90);
		this.tracker.pulled(1);
		receive(10);
		receive(90);
		assertThat(this.tracker.shouldPull(2, 0)).isTrue();
		this.tracker.pulled(2);
		assertThat(this.tracker.shouldPull(2, 0)).isFalse();
	}

	@Test
	void aPullEndsWhenAllItsMessagesArrived() {
		this.tracker.pulled(0);
		receive(100);
		assertThat(this.tracker.allEnded(1)).isTrue();
	}

	@Test
	void aPullEndsOnlyAfterItsExpiryAndTheGrace() {
		this.tracker.pulled(0);
		receive(3);
		assertThat(this.tracker.allEnded(SECOND)).isFalse();
		assertThat(this.tracker.allEnded(SECOND + SECOND / 5)).isFalse();
		assertThat(this.tracker.allEnded(SECOND + SECOND / 5 + 1)).isTrue();
		assertThat(this.tracker.shouldPull(SECOND + SECOND / 5 + 1, 0)).isTrue();
	}

	@Test
	void messagesCountAgainstTheOldestPull() {
		this.tracker.pulled(0);
		receive(80);
		this.tracker.pulled(10);
		receive(20);
		// The first pull is complete; the second, requested later, still waits for 100.
		assertThat(this.tracker.allEnded(SECOND + SECOND / 5 + 1)).isFalse();
		assertThat(this.tracker.allEnded(SECOND + 10 + SECOND / 5 + 1)).isTrue();
	}

	@Test
	void receivedMessageTellsWhenItsPullWasRequested() {
		this.tracker.pulled(5);
		receive(99);
		this.tracker.pulled(7);
		assertThat(this.tracker.received(9)).isEqualTo(5);
		assertThat(this.tracker.received(9)).isEqualTo(7);
	}

	@Test
	void messageWithoutAPullTellsNow() {
		assertThat(this.tracker.received(9)).isEqualTo(9);
	}

	private void receive(int messages) {
		for (int i = 0; i < messages; i++) {
			this.tracker.received(0);
		}
	}

}

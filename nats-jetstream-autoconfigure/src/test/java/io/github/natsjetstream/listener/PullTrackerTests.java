package io.github.natsjetstream.listener;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PullTrackerTests {

	private static final long SECOND = 1_000_000_000L;

	private final PullTracker tracker = new PullTracker(100, SECOND, 30 * SECOND, SECOND / 5, 2);

	@Test
	void pullsWhenNothingIsRequested() {
		assertThat(this.tracker.shouldPull(0, 0)).isTrue();
		pull(0);
		assertThat(this.tracker.shouldPull(0, 0)).isFalse();
	}

	@Test
	void pullsAgainWhenLessThanAQuarterOfABatchIsLeft() {
		pull(0);
		receive(75);
		assertThat(this.tracker.shouldPull(1, 0)).isFalse();
		receive(1);
		assertThat(this.tracker.shouldPull(1, 0)).isTrue();
	}

	@Test
	void pullsAgainOnceMessagesHaveArrivedEvenIfNotYetHandled() {
		pull(0);
		receive(10);
		// 66 more arrived and wait in the subscription: only 24 are still to come.
		assertThat(this.tracker.shouldPull(1, 66)).isTrue();
		assertThat(this.tracker.shouldPull(1, 65)).isFalse();
	}

	@Test
	void doesNotPullWhileABatchWaitsToBeHandled() {
		pull(0);
		pull(0);
		receive(100);
		assertThat(this.tracker.shouldPull(1, 99)).isTrue();
		assertThat(this.tracker.shouldPull(1, 100)).isFalse();
	}

	@Test
	void neverHasMoreThanTheMaximumOutstanding() {
		pull(0);
		receive(90);
		pull(1);
		receive(10);
		receive(90);
		assertThat(this.tracker.shouldPull(2, 0)).isTrue();
		pull(2);
		assertThat(this.tracker.shouldPull(2, 0)).isFalse();
	}

	@Test
	void aPullEndsWhenAllItsMessagesArrived() {
		pull(0);
		receive(100);
		assertThat(this.tracker.allEnded(1)).isTrue();
	}

	@Test
	void aPullEndsOnlyAfterItsExpiryAndTheGrace() {
		pull(0);
		receive(3);
		assertThat(this.tracker.allEnded(SECOND)).isFalse();
		assertThat(this.tracker.allEnded(SECOND + SECOND / 5)).isFalse();
		assertThat(this.tracker.allEnded(SECOND + SECOND / 5 + 1)).isTrue();
		assertThat(this.tracker.shouldPull(SECOND + SECOND / 5 + 1, 0)).isTrue();
	}

	@Test
	void messagesCountAgainstTheOldestPull() {
		pull(0);
		receive(80);
		pull(10);
		receive(20);
		// The first pull is complete; the second, requested later, still waits for 100.
		assertThat(this.tracker.allEnded(SECOND + SECOND / 5 + 1)).isFalse();
		assertThat(this.tracker.allEnded(SECOND + 10 + SECOND / 5 + 1)).isTrue();
	}

	@Test
	void receivedMessageTellsWhenItsPullWasRequested() {
		pull(5);
		receive(99);
		pull(7);
		assertThat(this.tracker.received(9)).isEqualTo(5);
		assertThat(this.tracker.received(9)).isEqualTo(7);
	}

	@Test
	void messageWithoutAPullTellsNow() {
		assertThat(this.tracker.received(9)).isEqualTo(9);
	}

	@Test
	void aPullThatEndsEmptyMakesTheWorkerIdleAndTheNextPullLong() {
		long ended = SECOND + SECOND / 5 + 1;
		pull(0);
		// The server ends the pull at its expiry (a 408).
		this.tracker.pullEnded(SECOND);
		assertThat(this.tracker.idle()).isFalse();
		assertThat(this.tracker.shouldPull(ended, 0)).isTrue();
		assertThat(this.tracker.idle()).isTrue();
		pull(ended);
		assertThat(this.tracker.longPullOutstanding(ended)).isTrue();
		assertThat(this.tracker.allShortEnded(ended)).isTrue();
		assertThat(this.tracker.allEnded(ended + 2 * SECOND)).isFalse();
		// Not renewed: it ends with the server's 408 at the next multiple of 15s at least 15s away.
		assertThat(this.tracker.nextDue(ended)).isEqualTo(30 * SECOND + SECOND / 5 + 1);
		assertThat(this.tracker.allEnded(30 * SECOND + SECOND / 5 + 1)).isTrue();
	}

	@Test
	void aPullTheServerDroppedLeavesTheWorkerOnShortPulls() {
		long expired = SECOND + SECOND / 5 + 1;
		pull(0);
		// No end came for it: a consumer without a leader drops pulls without a word.
		assertThat(this.tracker.shouldPull(expired, 0)).isTrue();
		assertThat(this.tracker.idle()).isFalse();
		pull(expired);
		assertThat(this.tracker.longPullOutstanding(expired)).isFalse();
	}

	@Test
	void theEndOfAnEarlierPullDoesNotVouchForALaterOne() {
		long renewAt = SECOND - SECOND / 10;
		pull(0);
		pull(renewAt);
		// The first pull's end comes; the second is dropped.
		this.tracker.pullEnded(SECOND);
		assertThat(this.tracker.allEnded(renewAt + SECOND + SECOND / 5 + 1)).isTrue();
		assertThat(this.tracker.idle()).isFalse();
	}

	@Test
	void aLongPullTheServerDroppedSendsTheWorkerBackToShortPulls() {
		long idleSince = SECOND + SECOND / 5 + 1;
		pull(0);
		this.tracker.pullEnded(SECOND);
		this.tracker.shouldPull(idleSince, 0);
		assertThat(this.tracker.idle()).isTrue();
		pull(idleSince);
		long lost = 30 * SECOND + SECOND / 5 + 1;
		assertThat(this.tracker.shouldPull(lost, 0)).isTrue();
		assertThat(this.tracker.idle()).isFalse();
		pull(lost);
		assertThat(this.tracker.longPullOutstanding(lost)).isFalse();
	}

	@Test
	void aMessageEndsTheIdlenessAndThePullsAfterItAreShort() {
		long ended = SECOND + SECOND / 5 + 1;
		pull(0);
		this.tracker.shouldPull(ended, 0);
		pull(ended);
		assertThat(this.tracker.received(ended + 5)).isEqualTo(ended);
		assertThat(this.tracker.idle()).isFalse();
		receive(75);
		assertThat(this.tracker.shouldPull(ended + 6, 0)).isTrue();
		pull(ended + 6);
		receive(24);
		// The long pull is complete; the short one is renewed 0.9 seconds after its request.
		assertThat(this.tracker.longPullOutstanding(ended + 6)).isFalse();
		assertThat(this.tracker.nextDue(ended + 6)).isEqualTo(ended + 6 + SECOND - SECOND / 10);
	}

	@Test
	void aPullDuringWhichMessagesArrivedLeavesTheWorkerBusy() {
		pull(0);
		pull(0);
		this.tracker.received(SECOND / 2);
		assertThat(this.tracker.allEnded(SECOND + SECOND / 5 + 1)).isTrue();
		assertThat(this.tracker.idle()).isFalse();
	}

	@Test
	void anIdleWorkerPullsAtMostOncePerShortExpiryHoweverItsPullsEnd() {
		long ended = SECOND + SECOND / 5 + 1;
		pull(0);
		// The server ends the pull at its expiry (a 408).
		this.tracker.pullEnded(SECOND);
		this.tracker.shouldPull(ended, 0);
		pull(ended);
		this.tracker.pullEnded(ended + 1);
		assertThat(this.tracker.allEnded(ended + 1)).isTrue();
		assertThat(this.tracker.shouldPull(ended + SECOND / 2, 0)).isFalse();
		assertThat(this.tracker.nextDue(ended + SECOND / 2)).isEqualTo(ended + SECOND);
		assertThat(this.tracker.shouldPull(ended + SECOND, 0)).isTrue();
	}

	@Test
	void anIdleWorkerPullsAgainOnceTheServerEndsItsLongPullAndNotBefore() {
		long idleSince = SECOND + SECOND / 5 + 1;
		pull(0);
		// The server ends the pull at its expiry (a 408).
		this.tracker.pullEnded(SECOND);
		this.tracker.shouldPull(idleSince, 0);
		pull(idleSince);
		assertThat(this.tracker.shouldPull(30 * SECOND - 1, 0)).isFalse();
		long ended = 30 * SECOND + SECOND / 1000;
		this.tracker.pullEnded(ended);
		assertThat(this.tracker.allEnded(ended)).isTrue();
		assertThat(this.tracker.shouldPull(ended, 0)).isTrue();
		assertThat(this.tracker.expiryOfNextPull(ended)).isEqualTo(30 * SECOND - SECOND / 1000);
		pull(ended);
		assertThat(this.tracker.longPullOutstanding(ended)).isTrue();
		assertThat(this.tracker.nextDue(ended)).isEqualTo(60 * SECOND + SECOND / 5 + 1);
	}

	@Test
	void aWorkerResumedFromParkingPullsShortAndCanParkAgainOnceAShortPullEndsEmpty() {
		long idleSince = SECOND + SECOND / 5 + 1;
		pull(0);
		this.tracker.pullEnded(SECOND);
		this.tracker.shouldPull(idleSince, 0);
		assertThat(this.tracker.idle()).isTrue();
		assertThat(this.tracker.allEnded(idleSince)).isTrue();
		// Parked; its long pull brought a message.
		this.tracker.reset();
		long resumed = 20 * SECOND;
		this.tracker.resumed(resumed - 1, true);
		assertThat(this.tracker.idle()).isFalse();
		assertThat(this.tracker.shouldPull(resumed, 0)).isTrue();
		assertThat(this.tracker.expiryOfNextPull(resumed)).isEqualTo(SECOND);
		pull(resumed);
		this.tracker.pullEnded(resumed + SECOND);
		assertThat(this.tracker.shouldPull(resumed + idleSince, 0)).isTrue();
		assertThat(this.tracker.idle()).isTrue();
	}

	@Test
	void aWorkerResumedWithoutAMessageIsNotIdle() {
		pull(0);
		this.tracker.pullEnded(SECOND);
		this.tracker.shouldPull(SECOND + SECOND / 5 + 1, 0);
		this.tracker.reset();
		this.tracker.resumed(20 * SECOND, false);
		assertThat(this.tracker.idle()).isFalse();
		assertThat(this.tracker.expiryOfNextPull(20 * SECOND)).isEqualTo(SECOND);
	}

	@Test
	void longPullsEndTogetherAtMostALongExpiryAfterTheirRequest() {
		PullTracker other = new PullTracker(100, SECOND, 30 * SECOND, SECOND / 5, 2);
		for (PullTracker tracker : List.of(this.tracker, other)) {
			tracker.pulled(0, tracker.expiryOfNextPull(0));
			tracker.pullEnded(SECOND);
			tracker.shouldPull(SECOND + SECOND / 5 + 1, 0);
			assertThat(tracker.idle()).isTrue();
		}
		assertThat(this.tracker.expiryOfNextPull(2 * SECOND)).isEqualTo(28 * SECOND);
		assertThat(other.expiryOfNextPull(14 * SECOND)).isEqualTo(16 * SECOND);
		assertThat(other.expiryOfNextPull(16 * SECOND)).isEqualTo(29 * SECOND);
		assertThat(other.expiryOfNextPull(15 * SECOND)).isEqualTo(30 * SECOND);
		assertThat(other.expiryOfNextPull(-SECOND)).isEqualTo(16 * SECOND);
	}

	@Test
	void aBusyWorkersPullsAreLeftToExpire() {
		pull(0);
		this.tracker.pullEnded(1);
		assertThat(this.tracker.allEnded(1)).isFalse();
	}

	@Test
	void aPullAboutToExpireIsRenewedSoThatTheServerAlwaysHoldsOne() {
		pull(0);
		pull(0);
		receive(10);
		long renewAt = SECOND - SECOND / 10;
		assertThat(this.tracker.nextDue(0)).isEqualTo(renewAt);
		assertThat(this.tracker.shouldPull(renewAt - 1, 0)).isFalse();
		assertThat(this.tracker.shouldPull(renewAt, 0)).isTrue();
		pull(renewAt);
		pull(renewAt);
		// The expired pulls still count until their grace has passed: messages may be on the way.
		assertThat(this.tracker.received(SECOND)).isZero();
		assertThat(this.tracker.shouldPull(SECOND, 0)).isFalse();
	}

	private void pull(long now) {
		this.tracker.pulled(now, this.tracker.expiryOfNextPull(now));
	}

	private void receive(int messages) {
		for (int i = 0; i < messages; i++) {
			this.tracker.received(0);
		}
	}

}

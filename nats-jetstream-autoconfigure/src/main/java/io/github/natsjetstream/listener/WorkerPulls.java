package io.github.natsjetstream.listener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsjetstream.config.PriorityPolicySetting;
import io.nats.client.PullRequestOptions;

import org.springframework.util.Assert;

/**
 * The pull requests a container's workers send. A busy worker's pull is immutable and
 * most handlers send the same one, so {@link #of} gives every container of the same pulls
 * one instance; an idle worker's long pull is made for its expiry, which changes from
 * pull to pull ({@link PullTracker#expiryOfNextPull}).
 *
 * @param busy the pull of a worker that messages come to: a short expiry
 * @param shape what every pull asks for, and a busy worker's expiry
 * @author NATS JetStream Spring Boot Starter contributors
 */
record WorkerPulls(PullRequestOptions busy, Shape shape) {

	/**
	 * The pulls by what they ask for: as many as distinct handler settings, a handful.
	 */
	private static final Map<Shape, WorkerPulls> SHARED = new ConcurrentHashMap<>();

	WorkerPulls {
		Assert.notNull(busy, "'busy' must not be null");
		Assert.notNull(shape, "'shape' must not be null");
	}

	/**
	 * Return the pulls of a batch, in the consumer's priority group if it has a priority
	 * policy, above the overflow threshold if the policy is overflow and this instance has
	 * one.
	 * @param batch the messages each pull asks for
	 * @param expiry the expiry of a busy worker's pull
	 * @param priorityPolicy the consumer's priority policy
	 * @param overflowThreshold the pending messages above which this instance pulls, with
	 * the overflow policy; 0 for none
	 * @return the pulls, shared with every container that asks for the same
	 */
	static WorkerPulls of(int batch, Duration expiry, PriorityPolicySetting priorityPolicy, long overflowThreshold) {
		return SHARED.computeIfAbsent(new Shape(batch, expiry, priorityPolicy, overflowThreshold),
				(shape) -> new WorkerPulls(shape.request(shape.busyExpiry().toNanos()), shape));
	}

	/**
	 * Return the pull to send.
	 * @param idleWorker whether the worker is idle
	 * @param expiresNanos the pull's expiry, as {@link PullTracker#expiryOfNextPull} gave
	 * it
	 * @return the pull request
	 */
	PullRequestOptions next(boolean idleWorker, long expiresNanos) {
		return idleWorker ? this.shape.request(expiresNanos) : this.busy;
	}

	/**
	 * What a container's pulls ask for: an idle worker's pull differs from a busy one's
	 * only in its expiry.
	 */
	record Shape(int batch, Duration busyExpiry, PriorityPolicySetting priorityPolicy, long overflowThreshold) {

		PullRequestOptions request(long expiresNanos) {
			return request(this.batch, expiresNanos);
		}

		/**
		 * Return the long pull of a parked worker ({@link ParkedWorkers}): one message,
		 * which resumes the worker.
		 */
		String parkedPull(long expiresNanos) {
			return request(1, expiresNanos).toJson();
		}

		/**
		 * Return whether a worker of these pulls may be parked without a thread: not when
		 * the server pins the consumer to one client, whose pin id only the client's own
		 * subscription knows.
		 */
		boolean parkable() {
			return this.priorityPolicy != PriorityPolicySetting.PINNED_CLIENT;
		}

		private PullRequestOptions request(int batch, long expiresNanos) {
			PullRequestOptions.Builder pull = PullRequestOptions.builder(batch)
				.expiresIn(Duration.ofNanos(expiresNanos));
			if (this.priorityPolicy != PriorityPolicySetting.NONE) {
				pull.group(ConsumerConfigurationFactory.PRIORITY_GROUP);
			}
			if (this.priorityPolicy == PriorityPolicySetting.OVERFLOW && this.overflowThreshold > 0) {
				pull.minPending(this.overflowThreshold);
			}
			return pull.build();
		}

	}

}

package io.github.natsjetstream.listener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsjetstream.config.PriorityPolicySetting;
import io.nats.client.PullRequestOptions;

import org.springframework.util.Assert;

/**
 * The pull requests a container's workers send. They are immutable and most handlers
 * send the same ones, so {@link #of} gives every container of the same pulls one
 * instance.
 *
 * @param busy the pull of a worker that messages come to: a short expiry
 * @param idle the pull of an idle worker: a long expiry
 * @author NATS JetStream Spring Boot Starter contributors
 */
record WorkerPulls(PullRequestOptions busy, PullRequestOptions idle) {

	/**
	 * The pulls by what they ask for: as many as distinct handler settings, a handful.
	 */
	private static final Map<Shape, WorkerPulls> SHARED = new ConcurrentHashMap<>();

	WorkerPulls {
		Assert.notNull(busy, "'busy' must not be null");
		Assert.notNull(idle, "'idle' must not be null");
	}

	/**
	 * Return the pulls of a batch with an expiry, in the consumer's priority group if it
	 * has a priority policy, above the overflow threshold if the policy is overflow and
	 * this instance has one.
	 * @param batch the messages each pull asks for
	 * @param expiry the expiry of a busy worker's pull
	 * @param idleExpiry the expiry of an idle worker's pull
	 * @param priorityPolicy the consumer's priority policy
	 * @param overflowThreshold the pending messages above which this instance pulls, with
	 * the overflow policy; 0 for none
	 * @return the pulls, shared with every container that asks for the same
	 */
	static WorkerPulls of(int batch, Duration expiry, Duration idleExpiry, PriorityPolicySetting priorityPolicy,
			long overflowThreshold) {
		return SHARED.computeIfAbsent(new Shape(batch, expiry, idleExpiry, priorityPolicy, overflowThreshold),
				Shape::pulls);
	}

	/**
	 * Return the pull to send.
	 * @param idleWorker whether the worker is idle
	 * @return the pull request
	 */
	PullRequestOptions next(boolean idleWorker) {
		return idleWorker ? this.idle : this.busy;
	}

	private record Shape(int batch, Duration expiry, Duration idleExpiry, PriorityPolicySetting priorityPolicy,
			long overflowThreshold) {

		WorkerPulls pulls() {
			return new WorkerPulls(request(this.expiry), request(this.idleExpiry));
		}

		private PullRequestOptions request(Duration expiresIn) {
			PullRequestOptions.Builder pull = PullRequestOptions.builder(this.batch).expiresIn(expiresIn);
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

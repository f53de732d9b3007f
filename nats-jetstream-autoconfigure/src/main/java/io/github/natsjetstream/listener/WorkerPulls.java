package io.github.natsjetstream.listener;

import io.nats.client.PullRequestOptions;
import org.springframework.util.Assert;

/**
 * The pull requests a container's workers send.
 *
 * @param busy the pull of a worker that messages come to: a short expiry
 * @param idle the pull of an idle worker: a long expiry
 * @author NATS JetStream Spring Boot Starter contributors
 */
record WorkerPulls(PullRequestOptions busy, PullRequestOptions idle) {

	WorkerPulls {
		Assert.notNull(busy, "'busy' must not be null");
		Assert.notNull(idle, "'idle' must not be null");
	}

	/**
	 * Return the pull to send.
	 * @param idleWorker whether the worker is idle
	 * @return the pull request
	 */
	PullRequestOptions next(boolean idleWorker) {
		return idleWorker ? this.idle : this.busy;
	}

}

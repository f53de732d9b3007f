package io.github.natsjetstream.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.natsjetstream.retry.HandlerFailure;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one handler at one time: its state, its workers, its consumer's
 * latest numbers, its last activity and failure, and whether it is stalled.
 *
 * @param state whether it runs, is paused or is stopped
 * @param pausedOnServer whether its consumer is paused on the server, here or by another
 * instance
 * @param workers the state of each worker
 * @param consumer the latest numbers of its consumer, or {@code null} before the first
 * refresh
 * @param lastActivity when a worker last received or handled a message, or started if
 * none did; {@code null} when the handler never started
 * @param lastHandled when a handler invocation last ended, or {@code null}
 * @param stalled whether messages wait for the consumer while nothing was received or
 * handled for {@code stallAfter}
 * @param stallAfter how long a handler may do nothing while messages wait before it is
 * stalled
 * @param lastFailure the handler's last failure, or {@code null}
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record HandlerStatus(HandlerState state, boolean pausedOnServer, List<WorkerState> workers,
		@Nullable ConsumerSnapshot consumer, @Nullable Instant lastActivity, @Nullable Instant lastHandled,
		boolean stalled, Duration stallAfter, @Nullable HandlerFailure lastFailure) {

	/**
	 * Return whether the handler is healthy: paused or stopped on purpose, or running
	 * with every worker alive, its consumer present (as far as known) and not stalled.
	 * @return whether it is healthy
	 */
	public boolean isHealthy() {
		return this.state != HandlerState.RUNNING || (!hasFailingWorker() && !isConsumerMissing() && !this.stalled);
	}

	/**
	 * Return whether a worker failed and waits to subscribe again.
	 * @return whether a worker is failing
	 */
	public boolean hasFailingWorker() {
		return this.workers.stream().anyMatch(WorkerState::failing);
	}

	/**
	 * Return whether the latest refresh found the consumer missing.
	 * @return whether the consumer is missing
	 */
	public boolean isConsumerMissing() {
		return this.consumer != null && !this.consumer.present();
	}

}

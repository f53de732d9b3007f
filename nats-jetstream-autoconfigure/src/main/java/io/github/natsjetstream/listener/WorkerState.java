package io.github.natsjetstream.listener;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of one worker of a handler container.
 *
 * @param name the worker's name, {@code <handler id>-<index>}
 * @param failing whether the worker failed and waits to subscribe again
 * @param failingSince when the current episode of failures began, or {@code null}
 * @param failures the number of failures in the current episode
 * @param lastFailure the last failure of the current episode, or {@code null}
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record WorkerState(String name, boolean failing, @Nullable Instant failingSince, int failures,
		@Nullable String lastFailure) {

	static WorkerState of(HandlerWorker worker) {
		WorkerSupervision.Episode episode = worker.failures();
		if (episode == null) {
			return new WorkerState(worker.name(), false, null, 0, null);
		}
		return new WorkerState(worker.name(), true, episode.since(), episode.failures(), episode.last().toString());
	}

}

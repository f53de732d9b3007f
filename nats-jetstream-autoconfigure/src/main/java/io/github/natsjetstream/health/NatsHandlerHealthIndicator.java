package io.github.natsjetstream.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.listener.ConsumerSnapshot;
import io.github.natsjetstream.listener.HandlerStatus;
import io.github.natsjetstream.listener.HandlerStatusResolver;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.WorkerState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for one handler: {@link Status#DOWN DOWN} while it runs with a
 * worker that failed (until that worker runs again), without its consumer, or stalled
 * (messages wait while nothing was received or handled for the stall time);
 * {@link Status#UP UP} otherwise, paused and stopped handlers included, since those are
 * on purpose. Asks the server nothing: the consumer's numbers come from the background
 * refresh of {@link io.github.natsjetstream.listener.ConsumerStatistics}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerHealthIndicator implements HealthIndicator {

	private final NatsHandlerContainer container;

	private final HandlerStatusResolver statusResolver;

	/**
	 * Create a new instance.
	 * @param container the handler's container
	 * @param statusResolver tells the handler's status
	 */
	public NatsHandlerHealthIndicator(NatsHandlerContainer container, HandlerStatusResolver statusResolver) {
		Assert.notNull(container, "'container' must not be null");
		Assert.notNull(statusResolver, "'statusResolver' must not be null");
		this.container = container;
		this.statusResolver = statusResolver;
	}

	@Override
	public Health health() {
		HandlerStatus status = this.statusResolver.resolve(this.container);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", status.state().getValue());
		if (this.container.getStream() != null) {
			details.put("stream", this.container.getStream());
		}
		details.put("durable", this.container.getEndpoint().durable());
		if (status.pausedOnServer()) {
			details.put("pausedOnServer", true);
		}
		details.put("workers", workers(status.workers()));
		if (status.consumer() != null) {
			details.put("consumer", consumer(status.consumer()));
		}
		if (status.lastActivity() != null) {
			details.put("lastActivity", status.lastActivity().toString());
		}
		details.put("stalled", status.stalled());
		if (status.stalled()) {
			details.put("stallAfter", status.stallAfter().toString());
		}
		return (status.isHealthy() ? Health.up() : Health.down()).withDetails(details).build();
	}

	private static List<Map<String, Object>> workers(List<WorkerState> workers) {
		List<Map<String, Object>> described = new ArrayList<>(workers.size());
		for (WorkerState worker : workers) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("name", worker.name());
			details.put("state", worker.failing() ? "failing" : "running");
			if (worker.failing()) {
				details.put("failingSince", String.valueOf(worker.failingSince()));
				details.put("failures", worker.failures());
				details.put("lastFailure", String.valueOf(worker.lastFailure()));
			}
			described.add(details);
		}
		return described;
	}

	private static Map<String, Object> consumer(ConsumerSnapshot consumer) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("present", consumer.present());
		if (consumer.present()) {
			details.put("pending", consumer.pending());
			details.put("ackPending", consumer.ackPending());
			details.put("redelivered", consumer.redelivered());
			details.put("paused", consumer.paused());
		}
		details.put("refreshedAt", consumer.at().toString());
		return details;
	}

}

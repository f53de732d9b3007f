package io.github.natsjetstream.listener;

import java.time.Duration;
import java.util.List;

import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
import io.github.natsjetstream.provisioning.ConsumerFields;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PriorityPolicy;

/**
 * Builds the durable pull consumer configuration of a handler.
 * <p>
 * The server-side {@code max_deliver} is practically unlimited (JetStream wants a
 * positive value with a backoff, so it is {@link Integer#MAX_VALUE}): the container counts deliveries
 * itself, and on any delivery beyond the handler's maximum it dead-letters the message
 * without invoking the handler. So a message whose handler kills the process every time
 * still reaches the dead-letter stream, and a message whose dead letter cannot be
 * published yet keeps coming back until it can; the server never strands a message by
 * giving up on it. The server-side {@code backoff} follows the handler's backoff, offset
 * by the ack wait: a message whose process crashed comes back once the ack wait has shown
 * the crash, then after the delay a failed handler would have waited.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ConsumerConfigurationFactory {

	private static final long UNLIMITED_DELIVERIES = Integer.MAX_VALUE;

	/**
	 * The priority group of every handler's consumer: the instances of one application
	 * share it.
	 */
	static final String PRIORITY_GROUP = "default";

	private ConsumerConfigurationFactory() {
	}

	static ConsumerConfiguration create(NatsHandlerEndpoint endpoint, boolean multipleFilterSubjects) {
		HandlerSettings settings = endpoint.settings();
		List<Duration> backoff = settings.backoff()
			.schedule(settings.maxDeliver() + 1)
			.stream()
			.map((delay) -> settings.ackWait().plus(delay))
			.toList();
		ConsumerConfiguration.Builder builder = ConsumerConfiguration.builder()
			.durable(endpoint.durable())
			.ackPolicy(AckPolicy.Explicit)
			.deliverPolicy(settings.deliverPolicy().policy())
			.maxDeliver(UNLIMITED_DELIVERIES)
			.maxAckPending(settings.maxAckPending())
			.description(ConsumerFields.DESCRIPTION_PREFIX + endpoint.description());
		if (settings.deliverPolicy().startTime() != null) {
			builder.startTime(settings.deliverPolicy().startTime());
		}
		if (backoff.isEmpty()) {
			builder.ackWait(settings.ackWait());
		}
		else {
			// The server takes the first backoff value as the ack wait; say so, so that
			// an unchanged restart finds nothing to update.
			builder.ackWait(backoff.get(0)).backoff(backoff.toArray(Duration[]::new));
		}
		switch (settings.priorityPolicy()) {
			case PINNED_CLIENT -> builder.priorityPolicy(PriorityPolicy.PinnedClient)
				.priorityGroups(PRIORITY_GROUP)
				.priorityTimeout(settings.pinTimeout());
			case OVERFLOW -> builder.priorityPolicy(PriorityPolicy.Overflow).priorityGroups(PRIORITY_GROUP);
			case NONE -> {
			}
		}
		List<String> subjects = endpoint.subjects();
		if (subjects.size() == 1) {
			builder.filterSubject(subjects.get(0));
		}
		else if (multipleFilterSubjects) {
			builder.filterSubjects(subjects);
		}
		else {
			throw new InvalidHandlerException("Handler " + endpoint.description()
					+ " consumes " + subjects.size() + " subjects " + subjects
					+ " but this nats-server (before 2.10) allows one filter subject per consumer: "
					+ "use one wildcard subject, split the handler, or upgrade nats-server to 2.10 or later");
		}
		return builder.build();
	}

}

package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PriorityPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a durable pull consumer that the starter declares, and whether JetStream
 * can change each in place: ack wait, max deliver, backoff, max ack pending, filter
 * subjects and description can be updated; deliver subject (push or pull), ack policy,
 * deliver policy and start time cannot.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ConsumerFields {

	/**
	 * Start of the description of every consumer a {@code @NatsHandler} declares, which
	 * tells them apart from consumers made by others.
	 */
	public static final String DESCRIPTION_PREFIX = "@NatsHandler ";

	private static final ConfigurationDiffer<ConsumerConfiguration> DIFFER = new ConfigurationDiffer<>(List.of(
			ConfigurationField.immutable("deliver_subject", ConsumerConfiguration::getDeliverSubject),
			ConfigurationField.immutable("ack_policy", ConsumerConfiguration::getAckPolicy),
			ConfigurationField.immutable("deliver_policy", ConsumerConfiguration::getDeliverPolicy),
			ConfigurationField.immutable("opt_start_time", ConsumerFields::startTime),
			ConfigurationField.updatable("ack_wait", ConsumerConfiguration::getAckWait),
			ConfigurationField.updatable("max_deliver", ConsumerConfiguration::getMaxDeliver),
			ConfigurationField.updatable("backoff", ConsumerConfiguration::getBackoff),
			ConfigurationField.updatable("max_ack_pending", ConsumerConfiguration::getMaxAckPending),
			ConfigurationField.updatable("filter_subjects", ConsumerConfiguration::getFilterSubjects),
			ConfigurationField.updatable("description", ConsumerConfiguration::getDescription),
			ConfigurationField.updatable("priority_policy", ConsumerFields::priorityPolicy),
			ConfigurationField.updatable("priority_groups", ConsumerFields::priorityGroups),
			ConfigurationField.updatable("priority_timeout", ConsumerFields::priorityTimeout)));

	private ConsumerFields() {
	}

	/**
	 * Compare the declared fields of a consumer with the server's.
	 * @param current the configuration on the server
	 * @param wanted the declared configuration
	 * @return the differences, in a fixed order
	 */
	public static List<ConfigurationDifference> compare(ConsumerConfiguration current, ConsumerConfiguration wanted) {
		return DIFFER.compare(current, wanted, DIFFER.getFieldNames());
	}

	private static @Nullable PriorityPolicy priorityPolicy(ConsumerConfiguration configuration) {
		PriorityPolicy policy = configuration.getPriorityPolicy();
		return (policy != PriorityPolicy.None) ? policy : null;
	}

	private static @Nullable List<String> priorityGroups(ConsumerConfiguration configuration) {
		List<String> groups = configuration.getPriorityGroups();
		return (groups != null && !groups.isEmpty()) ? groups : null;
	}

	private static @Nullable Duration priorityTimeout(ConsumerConfiguration configuration) {
		Duration timeout = configuration.getPriorityTimeout();
		return (timeout != null && !timeout.isZero() && configuration.getPriorityPolicy() == PriorityPolicy.PinnedClient)
				? timeout : null;
	}

	private static @Nullable Instant startTime(ConsumerConfiguration configuration) {
		ZonedDateTime startTime = configuration.getStartTime();
		return (startTime != null) ? startTime.toInstant() : null;
	}

}

package io.github.natsjetstream.provisioning;

import java.time.Duration;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerFieldsTests {

	private final ConsumerConfiguration base = ConsumerConfiguration.builder()
		.durable("orders")
		.ackPolicy(AckPolicy.Explicit)
		.deliverPolicy(DeliverPolicy.All)
		.ackWait(Duration.ofSeconds(30))
		.maxDeliver(5)
		.maxAckPending(1000)
		.filterSubject("orders.*")
		.description("@NatsHandler Orders.on(Order)")
		.build();

	@Test
	void equalConfigurationsHaveNoDifference() {
		assertThat(ConsumerFields.compare(this.base, ConsumerConfiguration.builder(this.base).build())).isEmpty();
	}

	@Test
	void ackWaitMaxDeliverBackoffMaxAckPendingFilterAndDescriptionAreUpdatable() {
		ConsumerConfiguration wanted = ConsumerConfiguration.builder(this.base)
			.ackWait(Duration.ofSeconds(45))
			.maxDeliver(9)
			.backoff(Duration.ofSeconds(45), Duration.ofSeconds(50))
			.maxAckPending(10)
			.filterSubject("orders.>")
			.description("@NatsHandler Orders.onAny(Order)")
			.build();
		assertThat(ConsumerFields.compare(this.base, wanted)).allMatch(ConfigurationDifference::updatable)
			.extracting(ConfigurationDifference::field)
			.containsExactly("ack_wait", "max_deliver", "backoff", "max_ack_pending", "filter_subjects", "description");
	}

	@Test
	void pushToPullAckPolicyDeliverPolicyAndStartTimeAreNot() {
		ConsumerConfiguration current = ConsumerConfiguration.builder(this.base)
			.deliverSubject("push.here")
			.ackPolicy(AckPolicy.All)
			.deliverPolicy(DeliverPolicy.New)
			.build();
		assertThat(ConsumerFields.compare(current, this.base)).noneMatch(ConfigurationDifference::updatable)
			.extracting(ConfigurationDifference::toString)
			.containsExactly("deliver_subject: 'push.here' -> none", "ack_policy: all -> explicit",
					"deliver_policy: new -> all");
	}

}

package io.github.natsjetstream.docs.samples.publishing;

import java.time.Duration;

import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.core.NatsPublishOptions;

class PublishOptionsSample {

	void publish(JetStreamTemplate template, Order order) {
		// tag::options[]
		NatsPublishOptions options = NatsPublishOptions.builder()
			.header("Tenant", "acme")
			.messageId(order.id())                  // Nats-Msg-Id
			.expectedLastSubjectSequence(0)         // Nats-Expected-Last-Subject-Sequence: first message on the subject
			.timeout(Duration.ofSeconds(5))
			.build();
		template.publish("orders." + order.id(), order, options);
		// end::options[]
	}

}

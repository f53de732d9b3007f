package io.github.natsjetstream.docs.samples.migrating;

import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.core.NatsPublishOptions;

class OrderPublisher {

	void publish(JetStreamTemplate template, Order order) {
		// tag::publish[]
		template.publish("orders.created", order, NatsPublishOptions.builder().messageId(order.id()).build());
		// end::publish[]
	}

}

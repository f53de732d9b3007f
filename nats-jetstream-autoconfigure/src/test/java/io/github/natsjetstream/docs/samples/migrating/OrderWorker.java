package io.github.natsjetstream.docs.samples.migrating;

import io.github.natsjetstream.annotation.NatsHandler;

import org.springframework.stereotype.Component;

@Component
class OrderWorker {

	@NatsHandler(value = "orders.created", durable = "order-worker", backoff = "5s",
			noRetryFor = InvalidOrderException.class)
	void onCreated(Order order) {
		handle(order);   // returns: ack; throws: redelivered after 5s; InvalidOrderException: dead letter
	}

	void handle(Order order) {
	}

}

package io.github.natsjetstream.docs.samples.readme;

import io.github.natsjetstream.annotation.NatsHandler;

import org.springframework.stereotype.Component;

@Component
class OrderHandlers {

	@NatsHandler(value = "orders.created", maxDeliver = "5", backoff = "1s, 10s, 1m")
	void onCreated(Order order) {
		// acknowledged when this returns; retried with backoff when it throws;
		// dead-lettered to DLQ (subject dlq.ORDERS.<durable>) after five failures
	}

}

package io.github.natsjetstream.docs.samples.handlers;

import io.github.natsjetstream.annotation.NatsHandler;

import org.springframework.stereotype.Component;

@Component
class OrderHandlers {

	@NatsHandler("orders.created")
	void onCreated(Order order) {
		// ...
	}

}

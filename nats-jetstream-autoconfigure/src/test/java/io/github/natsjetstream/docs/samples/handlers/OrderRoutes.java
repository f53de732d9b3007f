package io.github.natsjetstream.docs.samples.handlers;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.annotation.NatsRoute;
import io.nats.client.Message;

import org.springframework.stereotype.Component;

@Component
@NatsHandler("orders.>")
class OrderRoutes {

	@NatsRoute("orders.created")
	void created(Order order) { }

	@NatsRoute("orders.*")          // orders.updated, orders.cancelled, ...
	void otherEvents(OrderEvent event) { }

	@NatsRoute("orders.eu.>")
	void europe(Order order) { }

	@NatsRoute(">")                 // everything else
	void catchAll(Message message) { }

}

package io.github.natsjetstream.docs.samples.gettingstarted;

import io.github.natsjetstream.annotation.NatsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

@Component
class OrderHandlers {

	private static final Logger logger = LoggerFactory.getLogger(OrderHandlers.class);

	@NatsHandler("orders.created")
	void onCreated(Order order) {
		logger.info("Order {} of {} created", order.id(), order.customer());
	}

}

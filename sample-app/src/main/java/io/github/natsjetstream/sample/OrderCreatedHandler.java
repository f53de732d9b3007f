package io.github.natsjetstream.sample;

import java.io.IOException;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.core.NatsPublishOptions;
import io.github.natsjetstream.support.NatsHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Accepts created orders: records them in the key-value bucket and requests their
 * payment on {@code payments.requested}. A method-level handler: one durable consumer on
 * {@code orders.created}, shared by every instance of the application.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
class OrderCreatedHandler {

	/** The subject of payment requests. */
	static final String PAYMENT_REQUESTED = "payments.requested";

	private static final Logger logger = LoggerFactory.getLogger(OrderCreatedHandler.class);

	private final OrderStatusStore statuses;

	private final JetStreamTemplate template;

	OrderCreatedHandler(OrderStatusStore statuses, JetStreamTemplate template) {
		this.statuses = statuses;
		this.template = template;
	}

	@NatsHandler(value = Orders.CREATED, id = "orders-created")
	void onCreated(Order order, @Header(NatsHeaders.STREAM_SEQUENCE) long sequence) throws IOException {
		this.statuses.update(order.id(), (status) -> status.accepted(order));
		logger.info("Order {} of {} ({}) at stream sequence {} accepted; requesting its payment", order.id(),
				order.customer(), order.amount(), sequence);
		// The message id makes a redelivered order request its payment once only.
		this.template.publish(PAYMENT_REQUESTED, new PaymentRequest(order.id(), order.customer(), order.amount()),
				NatsPublishOptions.builder().messageId("payment-" + order.id()).build());
	}

}

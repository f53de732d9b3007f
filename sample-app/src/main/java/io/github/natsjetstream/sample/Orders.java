package io.github.natsjetstream.sample;

import java.util.UUID;

import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.core.NatsPublishOptions;
import io.nats.client.api.PublishAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Places orders: publishes each on {@code orders.created}, with the order id as message
 * id so that the stream stores a repeated publish only once.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Service
public class Orders {

	/** The subject of created orders. */
	public static final String CREATED = "orders.created";

	private static final Logger logger = LoggerFactory.getLogger(Orders.class);

	private final JetStreamTemplate template;

	Orders(JetStreamTemplate template) {
		this.template = template;
	}

	/**
	 * Place an order.
	 * @param newOrder what was ordered
	 * @return the order, with its id
	 */
	public Order place(NewOrder newOrder) {
		Order order = new Order(UUID.randomUUID().toString(), newOrder.customer(), newOrder.amount());
		PublishAck ack = this.template.publish(CREATED, order, NatsPublishOptions.builder().messageId(order.id()).build());
		logger.info("Order {} of {} ({}) published to stream {} at sequence {}", order.id(), order.customer(),
				order.amount(), ack.getStream(), ack.getSeqno());
		return order;
	}

}

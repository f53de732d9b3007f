package io.github.natsjetstream.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.support.NatsHeaders;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Handles created orders: a durable consumer on {@code sample.orders.created}, shared by
 * every instance of the sample.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
public class OrderHandlers {

	private static final Log logger = LogFactory.getLog(OrderHandlers.class);

	private final List<Order> handled = new CopyOnWriteArrayList<>();

	@NatsHandler(value = "sample.orders.created", maxDeliver = "3", backoff = "1s, 5s")
	void onCreated(Order order, @Header(NatsHeaders.STREAM_SEQUENCE) long sequence) {
		logger.info("Handled order " + order.id() + " of " + order.customer() + " (" + order.total()
				+ ") at stream sequence " + sequence);
		this.handled.add(order);
	}

	/**
	 * Return the orders handled so far.
	 * @return the orders
	 */
	public List<Order> handled() {
		return List.copyOf(this.handled);
	}

}

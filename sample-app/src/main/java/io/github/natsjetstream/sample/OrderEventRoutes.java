package io.github.natsjetstream.sample;

import java.io.IOException;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.annotation.NatsRoute;
import io.github.natsjetstream.support.NatsHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Follows every order event: a class-level handler, one durable consumer on
 * {@code orders.>}, whose messages go to the most specific route. Each event is added to
 * the order's status, so {@code GET /orders/{id}} shows its history.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
@NatsHandler(value = "orders.>", id = "order-events")
class OrderEventRoutes {

	/** Counts the events that have no route of their own. */
	static final String UNROUTED_METER = "sample.orders.events.unrouted";

	private static final Logger logger = LoggerFactory.getLogger(OrderEventRoutes.class);

	private final OrderStatusStore statuses;

	private final Counter unrouted;

	OrderEventRoutes(OrderStatusStore statuses, MeterRegistry meterRegistry) {
		this.statuses = statuses;
		this.unrouted = Counter.builder(UNROUTED_METER)
			.description("Order events that no route of the sample knows, acknowledged and logged")
			.register(meterRegistry);
	}

	/**
	 * A literal route: {@code orders.created} only.
	 * @param order the order
	 * @throws IOException when the status cannot be written
	 */
	@NatsRoute(Orders.CREATED)
	void created(Order order) throws IOException {
		this.statuses.update(order.id(), (status) -> status.withEvent("created"));
		logger.info("Order {}: confirmation sent to {}", order.id(), order.customer());
	}

	/**
	 * A wildcard route: every other event of one token, {@code orders.paid},
	 * {@code orders.refunded}, ...
	 * @param event the event
	 * @param subject its subject
	 * @throws IOException when the status cannot be written
	 */
	@NatsRoute("orders.*")
	void lifecycle(OrderEvent event, @Header(NatsHeaders.SUBJECT) String subject) throws IOException {
		String name = subject.substring(subject.lastIndexOf('.') + 1);
		this.statuses.update(event.orderId(), (status) -> status.withEvent(name));
		logger.info("Order {}: {} ({})", event.orderId(), name, event.amount());
	}

	/**
	 * The catch-all: events this version does not know, such as those of a newer
	 * publisher ({@code orders.eu.created}). They are acknowledged and counted rather than
	 * dead-lettered with reason {@code no-route}.
	 * @param message the message as it came
	 */
	@NatsRoute(">")
	void unknown(Message message) {
		this.unrouted.increment();
		logger.warn("Order event on {} has no route of its own ({} bytes); acknowledged and counted in {}",
				message.getSubject(), message.getData().length, UNROUTED_METER);
	}

}

package io.github.natsjetstream.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where an order stands, as kept in the {@code order-status} key-value bucket under the
 * order id and answered by {@code GET /orders/{id}}.
 *
 * @param id the order id
 * @param customer the customer, once the order was handled
 * @param amount the amount, once the order was handled
 * @param state the state, once the order was handled
 * @param paymentAttempts the delivery of the payment request that succeeded or was
 * rejected; {@code 0} before
 * @param detail why a payment was rejected
 * @param events the order events seen by {@link OrderEventRoutes}, in the order they
 * were handled ({@code created}, {@code paid}, ...)
 * @param updatedAt when the status last changed
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record OrderStatus(String id, @Nullable String customer, @Nullable BigDecimal amount,
		@Nullable OrderState state, int paymentAttempts, @Nullable String detail, List<String> events,
		Instant updatedAt) {

	/**
	 * Return the status of an order of which nothing is known yet.
	 * @param id the order id
	 * @return the status
	 */
	static OrderStatus unknown(String id) {
		return new OrderStatus(id, null, null, null, 0, null, List.of(), Instant.now());
	}

	/**
	 * Return this status with the order accepted, unless its payment went further.
	 * @param order the order
	 * @return the new status
	 */
	OrderStatus accepted(Order order) {
		OrderState next = (this.state != null) ? this.state : OrderState.ACCEPTED;
		return new OrderStatus(this.id, order.customer(), order.amount(), next, this.paymentAttempts, this.detail,
				this.events, Instant.now());
	}

	/**
	 * Return this status with the payment settled.
	 * @param state {@link OrderState#PAID} or {@link OrderState#REFUNDED}
	 * @param attempts the delivery of the payment request that succeeded
	 * @return the new status
	 */
	OrderStatus settled(OrderState state, int attempts) {
		return new OrderStatus(this.id, this.customer, this.amount, state, attempts, null, this.events, Instant.now());
	}

	/**
	 * Return this status with the payment rejected.
	 * @param attempts the delivery of the payment request that was rejected
	 * @param reason why
	 * @return the new status
	 */
	OrderStatus rejected(int attempts, String reason) {
		return new OrderStatus(this.id, this.customer, this.amount, OrderState.PAYMENT_REJECTED, attempts, reason,
				this.events, Instant.now());
	}

	/**
	 * Return this status with one more event, unless it was seen already (a redelivery).
	 * @param event the event, such as {@code created}
	 * @return the new status
	 */
	OrderStatus withEvent(String event) {
		if (this.events.contains(event)) {
			return this;
		}
		List<String> events = new ArrayList<>(this.events);
		events.add(event);
		return new OrderStatus(this.id, this.customer, this.amount, this.state, this.paymentAttempts, this.detail,
				List.copyOf(events), Instant.now());
	}

}

package io.github.natsjetstream.sample;

import java.math.BigDecimal;

/**
 * Something that happened to an order, as published on {@code orders.<event>}
 * ({@code orders.paid}, {@code orders.refunded}).
 *
 * @param orderId the order id
 * @param amount the amount charged or refunded
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record OrderEvent(String orderId, BigDecimal amount) {

}

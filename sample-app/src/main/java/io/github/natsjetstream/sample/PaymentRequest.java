package io.github.natsjetstream.sample;

import java.math.BigDecimal;

/**
 * A request to charge (or, with a negative amount, refund) an order, as published on
 * {@code payments.requested}.
 *
 * @param orderId the order id
 * @param customer the customer
 * @param amount the amount
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record PaymentRequest(String orderId, String customer, BigDecimal amount) {

}

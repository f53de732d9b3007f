package io.github.natsjetstream.sample;

import java.math.BigDecimal;

/**
 * An order, as published on {@code orders.created}.
 *
 * @param id the order id, also the message id of its {@code orders.created} message
 * @param customer the customer
 * @param amount the amount to charge; negative for a refund
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record Order(String id, String customer, BigDecimal amount) {

}

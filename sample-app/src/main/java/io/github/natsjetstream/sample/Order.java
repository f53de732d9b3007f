package io.github.natsjetstream.sample;

import java.math.BigDecimal;

/**
 * An order, as published on {@code sample.orders.created}.
 *
 * @param id the order id
 * @param customer the customer
 * @param total the total amount
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record Order(String id, String customer, BigDecimal total) {

}

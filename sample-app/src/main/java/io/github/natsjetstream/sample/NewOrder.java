package io.github.natsjetstream.sample;

import java.math.BigDecimal;

/**
 * The body of {@code POST /orders}.
 *
 * @param customer the customer
 * @param amount the amount to charge; negative for a refund
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record NewOrder(String customer, BigDecimal amount) {

}

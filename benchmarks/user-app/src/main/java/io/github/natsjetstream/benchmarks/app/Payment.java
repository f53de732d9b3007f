package io.github.natsjetstream.benchmarks.app;

/**
 * The message the busy handler takes, about 50 bytes as JSON:
 * {@code {"id":"payment-0000000123","amountCents":129900}}.
 *
 * @param id the payment id
 * @param amountCents the amount in cents
 */
public record Payment(String id, long amountCents) {
}

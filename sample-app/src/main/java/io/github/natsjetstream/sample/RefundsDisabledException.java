package io.github.natsjetstream.sample;

/**
 * A payment request with a negative amount while refunds are disabled
 * ({@code sample.payments.refunds-enabled=false}). No retry can change that, so the
 * payment handler declares it in {@code noRetryFor}: the request goes to the dead-letter
 * stream at its first failure, to be replayed once refunds are enabled.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class RefundsDisabledException extends RuntimeException {

	RefundsDisabledException(String message) {
		super(message);
	}

}

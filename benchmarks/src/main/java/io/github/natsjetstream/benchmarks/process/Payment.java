package io.github.natsjetstream.benchmarks.process;

import java.util.Locale;

/**
 * The message of the application case, about 50 bytes as JSON:
 * {@code {"id":"payment-0000000123","amountCents":129900}}. The user application has the
 * same record ({@code io.github.natsjetstream.benchmarks.app.Payment}).
 *
 * @param id the payment id
 * @param amountCents the amount in cents
 */
public record Payment(String id, long amountCents) {

	/**
	 * Create the payment numbered {@code n}.
	 * @param n the number
	 * @return the payment
	 */
	public static Payment numbered(long n) {
		return new Payment(String.format(Locale.ROOT, "payment-%010d", n), 1_999 + (n % 1_000) * 100);
	}

}

package io.github.natsjetstream.benchmarks;

/**
 * The record every benchmark message carries, about 200 bytes as JSON.
 *
 * @param id the order id
 * @param customer the customer
 * @param sku the product
 * @param quantity how many
 * @param priceCents the price in cents
 * @param currency the currency
 * @param status the status
 * @param region the region
 * @param createdAt when the order was made, epoch milliseconds
 * @param sentNanos {@link System#nanoTime()} when the message was published (latency
 * runs), or 0
 */
public record Order(String id, String customer, String sku, int quantity, long priceCents, String currency,
		String status, String region, long createdAt, long sentNanos) {

	private static final long CREATED_AT = 1_767_225_600_000L;

	/**
	 * Return this order with the given publish time.
	 * @param nanos the publish time
	 * @return the order
	 */
	Order sentAt(long nanos) {
		return new Order(this.id, this.customer, this.sku, this.quantity, this.priceCents, this.currency, this.status,
				this.region, this.createdAt, nanos);
	}

	/**
	 * Create the order numbered {@code n}.
	 * @param n the number
	 * @param sentNanos the publish time, or 0
	 * @return the order
	 */
	static Order numbered(long n, long sentNanos) {
		return new Order(String.format("ord-%010d", n), "customer-" + (n % 9973), "SKU-" + (10_000 + n % 5_000) + "-XL",
				(int) (1 + n % 9), 1_999 + (n % 1_000) * 100, "EUR", "CREATED", "eu-central-1", CREATED_AT + n,
				sentNanos);
	}

}

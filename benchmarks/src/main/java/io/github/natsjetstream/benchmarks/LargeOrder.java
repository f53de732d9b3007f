package io.github.natsjetstream.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * A larger record, about 2 KB as JSON: an order with twenty lines. Decoding it takes
 * several times longer than the server takes to deliver and acknowledge it, so a single
 * consuming thread, not the server, sets the pace.
 *
 * @param order the order itself
 * @param lines its lines
 */
public record LargeOrder(Order order, List<Line> lines) {

	private static final int LINES = 20;

	/**
	 * Create the order numbered {@code n}.
	 * @param n the number
	 * @return the order
	 */
	static LargeOrder numbered(long n) {
		List<Line> lines = new ArrayList<>(LINES);
		for (int i = 0; i < LINES; i++) {
			lines.add(new Line(i + 1, "SKU-" + (10_000 + (n + i) % 5_000) + "-XL", "Item " + i + " of order " + n,
					1 + (int) ((n + i) % 9), 499 + ((n + i) % 1_000) * 10, (i % 2 == 0)));
		}
		return new LargeOrder(Order.numbered(n, 0), lines);
	}

	/**
	 * One line of a {@link LargeOrder}.
	 *
	 * @param number the line number
	 * @param sku the product
	 * @param description what it is
	 * @param quantity how many
	 * @param priceCents the unit price in cents
	 * @param giftWrapped whether to wrap it
	 */
	public record Line(int number, String sku, String description, int quantity, long priceCents,
			boolean giftWrapped) {

	}

}

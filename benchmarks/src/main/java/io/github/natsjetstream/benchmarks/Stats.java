package io.github.natsjetstream.benchmarks;

import java.util.List;

/**
 * Medians of rounds.
 */
final class Stats {

	private Stats() {
	}

	static double median(List<? extends Number> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}

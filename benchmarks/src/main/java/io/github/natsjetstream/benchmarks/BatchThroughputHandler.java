package io.github.natsjetstream.benchmarks;

import java.util.List;

import io.github.natsjetstream.annotation.NatsHandler;

/**
 * A batch handler taking up to 100 records at once, as an application would write it.
 */
public class BatchThroughputHandler {

	private final MessageSink sink;

	BatchThroughputHandler(MessageSink sink) {
		this.sink = sink;
	}

	@NatsHandler(value = "${bench.subjects}", id = ThroughputHandler.ID, durable = "bench",
			autoStartup = "${bench.auto-startup}", batchSize = "100")
	void on(List<Order> orders) {
		for (Order order : orders) {
			this.sink.accept(order);
		}
	}

}

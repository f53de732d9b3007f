package io.github.natsjetstream.benchmarks;

import io.github.natsjetstream.annotation.NatsHandler;

/**
 * A method-level handler taking the {@link LargeOrder larger record}, otherwise as
 * {@link ThroughputHandler}.
 */
public class LargeOrderHandler {

	private final MessageSink sink;

	LargeOrderHandler(MessageSink sink) {
		this.sink = sink;
	}

	@NatsHandler(value = "${bench.subjects}", id = ThroughputHandler.ID, durable = "bench",
			autoStartup = "${bench.auto-startup}")
	void on(LargeOrder order) {
		this.sink.accept(order.order());
	}

}

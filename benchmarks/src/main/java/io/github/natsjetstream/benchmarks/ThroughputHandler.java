package io.github.natsjetstream.benchmarks;

import io.github.natsjetstream.annotation.NatsHandler;

/**
 * A method-level handler taking the record, as an application would write it. It starts
 * when the benchmark starts its container, so that the clock covers consuming only.
 */
public class ThroughputHandler {

	/** The id of the handler, to find its container. */
	static final String ID = "bench";

	private final MessageSink sink;

	ThroughputHandler(MessageSink sink) {
		this.sink = sink;
	}

	@NatsHandler(value = "${bench.subjects}", id = ID, durable = "bench", autoStartup = "${bench.auto-startup}")
	void on(Order order) {
		this.sink.accept(order);
	}

}

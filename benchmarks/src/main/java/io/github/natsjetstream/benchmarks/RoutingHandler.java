package io.github.natsjetstream.benchmarks;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.annotation.NatsRoute;

/**
 * A class-level handler routing the benchmark subjects {@code <prefix>.r0} to
 * {@code <prefix>.r9} over ten {@link NatsRoute @NatsRoute} methods.
 */
@NatsHandler(value = "${bench.subjects}", id = ThroughputHandler.ID, durable = "bench",
		autoStartup = "${bench.auto-startup}")
public class RoutingHandler {

	private final MessageSink sink;

	RoutingHandler(MessageSink sink) {
		this.sink = sink;
	}

	@NatsRoute("${bench.prefix}.r0")
	void r0(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r1")
	void r1(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r2")
	void r2(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r3")
	void r3(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r4")
	void r4(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r5")
	void r5(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r6")
	void r6(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r7")
	void r7(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r8")
	void r8(Order order) {
		this.sink.accept(order);
	}

	@NatsRoute("${bench.prefix}.r9")
	void r9(Order order) {
		this.sink.accept(order);
	}

}

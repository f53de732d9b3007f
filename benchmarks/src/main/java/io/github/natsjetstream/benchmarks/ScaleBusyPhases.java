package io.github.natsjetstream.benchmarks;

import java.time.Duration;

import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import org.HdrHistogram.Histogram;

/**
 * The busy phases of the scale case's application, after its idle window, each started by
 * a command from the benchmark and answered with a protocol line:
 * <ul>
 * <li>{@code BUSY-PAUSE}: pauses the busy handler, so that the benchmark can pre-publish
 * its messages; prints {@code BENCH BUSY-PAUSED}.</li>
 * <li>{@code BUSY-THROUGHPUT <messages>}: resumes it and waits until it has handled that
 * many; prints {@code BENCH BUSY-THROUGHPUT perSecond=... handled=...}, the rate from the
 * first handled message to the last.</li>
 * <li>{@code BUSY-LATENCY <messages>}: records the latency of the next that many
 * messages, which the benchmark publishes one at a time at a fixed rate once it has read
 * {@code BENCH BUSY-READY}; prints {@code BENCH BUSY-LATENCY p50=... p90=... p99=...
 * p999=... max=... recorded=...}, in microseconds.</li>
 * </ul>
 */
final class ScaleBusyPhases {

	static final String PAUSE = "BUSY-PAUSE";

	static final String THROUGHPUT = "BUSY-THROUGHPUT";

	static final String LATENCY = "BUSY-LATENCY";

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private final NatsHandlerContainerRegistry registry;

	private final ScaleBusyHandler handler;

	ScaleBusyPhases(NatsHandlerContainerRegistry registry, ScaleBusyHandler handler) {
		this.registry = registry;
		this.handler = handler;
	}

	void pause() {
		this.registry.pause(ScaleBusyHandler.ID);
		ScaleApplication.print("BUSY-PAUSED");
	}

	void throughput(long messages) throws InterruptedException {
		this.handler.expect(messages);
		this.registry.resume(ScaleBusyHandler.ID);
		boolean complete = this.handler.await(TIMEOUT);
		double seconds = this.handler.firstToLastNanos() / 1e9;
		ScaleApplication.print("BUSY-THROUGHPUT perSecond=%.1f handled=%d", complete ? (messages - 1) / seconds : 0.0,
				this.handler.count());
	}

	void latency(long messages) throws InterruptedException {
		Histogram histogram = this.handler.expectRecording(messages);
		ScaleApplication.print("BUSY-READY");
		this.handler.await(TIMEOUT);
		ScaleApplication.print("BUSY-LATENCY p50=%.1f p90=%.1f p99=%.1f p999=%.1f max=%.1f recorded=%d",
				micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(90)),
				micros(histogram.getValueAtPercentile(99)),
				micros(histogram.getValueAtPercentile(99.9)), micros(histogram.getMaxValue()),
				histogram.getTotalCount());
	}

	private static double micros(long nanos) {
		return nanos / 1_000.0;
	}

}

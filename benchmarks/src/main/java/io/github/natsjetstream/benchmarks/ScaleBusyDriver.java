package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.natsjetstream.benchmarks.Report.ScaleBusy;

/**
 * Drives the busy phases of a scale case application ({@link ScaleBusyPhases}) once its
 * idle window is over: two warm-up throughput rounds, then five measured ones (the busy
 * handler paused while the round's messages are pre-published, then timed in the
 * application from the first handled to the last; with the JVM's default options the
 * rate still grows by half from the first round after 10,000 messages to the next), then
 * the latency phase (messages published one at a time at a fixed rate, each with its
 * publish time).
 */
final class ScaleBusyDriver {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final int WARM_UP_ROUNDS = 2;

	private static final int ROUNDS = 5;

	private final JetStreamFixture fixture;

	private final int messages;

	private final int latencyMessages;

	private final int latencyRate;

	ScaleBusyDriver(JetStreamFixture fixture, int messages, int latencyMessages, int latencyRate) {
		this.fixture = fixture;
		this.messages = messages;
		this.latencyMessages = latencyMessages;
		this.latencyRate = latencyRate;
	}

	/**
	 * Run the busy phases.
	 * @param child the application
	 * @return the busy handler's figures
	 * @throws Exception when a phase fails
	 */
	ScaleBusy run(ChildProcess child) throws Exception {
		for (int i = 0; i < WARM_UP_ROUNDS; i++) {
			throughput(child, this.messages);
		}
		List<Double> rounds = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			rounds.add(throughput(child, this.messages));
		}
		child.send(ScaleBusyPhases.LATENCY + " " + this.latencyMessages);
		child.await("BUSY-READY", TIMEOUT);
		long interval = 1_000_000_000L / this.latencyRate;
		this.fixture.publishAtRate(ScaleSubjects.BUSY_PREFIX, this.latencyRate,
				Duration.ofNanos(interval * this.latencyMessages));
		Map<String, String> latency = ChildProcess.values(child.await(ScaleBusyPhases.LATENCY, TIMEOUT));
		ScaleBusy busy = ScaleBusy.of(this.messages, rounds, Long.parseLong(latency.get("recorded")),
				this.latencyRate, micros(latency, "p50"), micros(latency, "p90"), micros(latency, "p99"),
				micros(latency, "p999"), micros(latency, "max"));
		if (busy.latencyMessages() < this.latencyMessages) {
			System.out.println("scale                      busy handler INCOMPLETE: " + latency);
		}
		return busy;
	}

	/**
	 * Print the busy handler's figures.
	 * @param busy the figures
	 */
	static void print(ScaleBusy busy) {
		System.out.println(format(
				"scale                      busy handler  %,8.0f msg/s (rounds %s)  p50 %,6.0f us  p90 %,6.0f us  p99 %,6.0f us  p99.9 %,6.0f us  max %,6.0f us  n=%d",
				busy.perSecond(), busy.perSecondRounds().stream().map((r) -> format("%,.0f", r)).toList(),
				busy.p50Micros(), busy.p90Micros(), busy.p99Micros(), busy.p999Micros(), busy.maxMicros(),
				busy.latencyMessages()));
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	private static double micros(Map<String, String> values, String name) {
		return Double.parseDouble(values.get(name));
	}

	/**
	 * Pause the busy handler, pre-publish its messages and time it handling them.
	 * @return messages per second, 0 when not all were handled in time
	 */
	private double throughput(ChildProcess child, int count) throws Exception {
		child.send(ScaleBusyPhases.PAUSE);
		child.await("BUSY-PAUSED", TIMEOUT);
		this.fixture.prePublish(ScaleSubjects.BUSY_PREFIX, count, false);
		child.send(ScaleBusyPhases.THROUGHPUT + " " + count);
		Map<String, String> result = ChildProcess.values(child.await(ScaleBusyPhases.THROUGHPUT, TIMEOUT));
		if (Long.parseLong(result.get("handled")) < count) {
			System.out.println("scale                      busy handler INCOMPLETE: " + result);
		}
		return Double.parseDouble(result.get("perSecond"));
	}

}

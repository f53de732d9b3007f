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
 * <p>
 * An application with idle handlers is measured in turn with one without them, which runs
 * beside it for its busy phases: their throughput rounds alternate (which goes first
 * alternates too) and their latency phases follow each other, so that both see the
 * machine as it is in the same minute. On this two-core virtual machine the rate of one
 * application moves by a fifth from one minute to the next; two applications measured
 * minutes apart differed by that much with nothing changed.
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
	 * Run the busy phases of one application alone.
	 * @param application the application
	 * @return its busy handler's figures
	 * @throws Exception when a phase fails
	 */
	ScaleBusy run(BusyApplication application) throws Exception {
		for (int i = 0; i < WARM_UP_ROUNDS; i++) {
			throughput(application);
		}
		List<Double> rounds = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			rounds.add(throughput(application));
		}
		return latency(application, rounds);
	}

	/**
	 * Run the busy phases of an application in turn with those of one without idle
	 * handlers.
	 * @param application the application measured
	 * @param beside the application without idle handlers, in the same threading mode
	 * @return the busy handler's figures of the application measured, with those of the
	 * one beside it ({@link ScaleBusy#beside()})
	 * @throws Exception when a phase fails
	 */
	ScaleBusy runBeside(BusyApplication application, BusyApplication beside) throws Exception {
		for (int i = 0; i < WARM_UP_ROUNDS; i++) {
			throughput(beside);
			throughput(application);
		}
		List<Double> rounds = new ArrayList<>();
		List<Double> besideRounds = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			if (i % 2 == 0) {
				besideRounds.add(throughput(beside));
				rounds.add(throughput(application));
			}
			else {
				rounds.add(throughput(application));
				besideRounds.add(throughput(beside));
			}
		}
		ScaleBusy besideBusy = latency(beside, besideRounds);
		return latency(application, rounds).beside(besideBusy);
	}

	/**
	 * Print the busy handler's figures.
	 * @param busy the figures
	 */
	static void print(ScaleBusy busy) {
		print("busy handler ", busy);
		ScaleBusy beside = busy.beside();
		if (beside != null) {
			print("none idle, in turn", beside);
		}
	}

	private static void print(String what, ScaleBusy busy) {
		System.out.println(format(
				"scale                      %s %,8.0f msg/s (rounds %s)  p50 %,6.0f us  p90 %,6.0f us  p99 %,6.0f us  p99.9 %,6.0f us  max %,6.0f us  n=%d",
				what, busy.perSecond(), busy.perSecondRounds().stream().map((r) -> format("%,.0f", r)).toList(),
				busy.p50Micros(), busy.p90Micros(), busy.p99Micros(), busy.p999Micros(), busy.maxMicros(),
				busy.latencyMessages()));
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	private static double micros(Map<String, String> values, String name) {
		return Double.parseDouble(values.get(name));
	}

	private ScaleBusy latency(BusyApplication application, List<Double> rounds) throws Exception {
		ChildProcess child = application.child();
		child.send(ScaleBusyPhases.LATENCY + " " + this.latencyMessages);
		child.await("BUSY-READY", TIMEOUT);
		long interval = 1_000_000_000L / this.latencyRate;
		this.fixture.publishAtRate(application.prefix(), this.latencyRate,
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
	 * Pause the busy handler, pre-publish its messages and time it handling them.
	 * @return messages per second, 0 when not all were handled in time
	 */
	private double throughput(BusyApplication application) throws Exception {
		ChildProcess child = application.child();
		child.send(ScaleBusyPhases.PAUSE);
		child.await("BUSY-PAUSED", TIMEOUT);
		this.fixture.prePublish(application.prefix(), this.messages, false);
		child.send(ScaleBusyPhases.THROUGHPUT + " " + this.messages);
		Map<String, String> result = ChildProcess.values(child.await(ScaleBusyPhases.THROUGHPUT, TIMEOUT));
		if (Long.parseLong(result.get("handled")) < this.messages) {
			System.out.println("scale                      busy handler INCOMPLETE: " + result);
		}
		return Double.parseDouble(result.get("perSecond"));
	}

	/**
	 * A running application of the scale case and the prefix of its busy handler's
	 * subjects.
	 *
	 * @param child the application's process
	 * @param prefix the prefix ({@link ScaleSubjects#busyPrefix})
	 */
	record BusyApplication(ChildProcess child, String prefix) {
	}

}

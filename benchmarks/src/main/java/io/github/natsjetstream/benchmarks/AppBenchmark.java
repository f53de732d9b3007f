package io.github.natsjetstream.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.natsjetstream.benchmarks.Report.ThroughputCase;
import io.github.natsjetstream.benchmarks.Report.ThroughputRound;
import io.github.natsjetstream.benchmarks.process.RawLoop;
import org.jspecify.annotations.Nullable;

/**
 * The application as a user runs it: a Spring Boot application with Spring MVC, Actuator,
 * a Prometheus registry, the starter, five idle handlers and one busy handler taking a
 * record of about 50 bytes ({@code benchmarks/user-app}), run as a process of its own with
 * default JVM options, against hand-written jnats {@code consume()} loops run the same way
 * ({@link RawLoop}), one decoding with Jackson 3 and one with Jackson 2. All consume the
 * same pre-published messages, each with a durable of its own created when the clock
 * starts. Each round runs the loops around the application: Jackson 3, Jackson 2, the
 * application twice (as it starts by default, and with its handlers' observation
 * disabled, which goes first alternating from round to round), Jackson 2, Jackson 3; an
 * application's ratio in a round is its throughput over the mean of the two runs of the
 * loop around it.
 */
final class AppBenchmark {

	static final String STREAM = "APP_BENCH";

	private static final String SUBJECT = "appbench.payments";

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

	/**
	 * What consumes.
	 */
	enum Consumer {

		RAW_JACKSON_3("j3", "hand-written jnats consume() + Jackson 3 JsonMapper.readValue() + ack(), own process",
				"raw-j3"),

		RAW_JACKSON_2("j2", "hand-written jnats consume() + Jackson 2 ObjectMapper.readValue() + ack(), own process",
				"raw-j2"),

		APPLICATION("app",
				"Spring Boot application: web, Actuator, Prometheus, @NatsHandler taking the record, five idle handlers, own process",
				"payments"),

		APPLICATION_TIMERS("appt",
				"(app) with `nats.jetstream.handler-observation-enabled=false`: the `nats.handler` timer recorded directly, no observation",
				"payments");

		final String label;

		final String description;

		final String durable;

		Consumer(String label, String description, String durable) {
			this.label = label;
			this.description = description;
			this.durable = durable;
		}

	}

	private final BenchmarkOptions options;

	private final JetStreamFixture fixture;

	private final String url;

	private final Path module;

	private int sequence;

	AppBenchmark(BenchmarkOptions options, JetStreamFixture fixture, String url) {
		this.options = options;
		this.fixture = fixture;
		this.url = url;
		this.module = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks") : Path.of(".");
	}

	/**
	 * Run the rounds.
	 * @return the cases, (j3) and (j2) with two runs per round (before and after the
	 * applications), (app) and (appt) with one
	 */
	List<ThroughputCase> run() throws Exception {
		Path jar = this.module.resolve("user-app/target/user-app.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar + ": build it with " + BenchmarkRunner.COMMAND);
		}
		this.fixture.createStream(STREAM, SUBJECT);
		int messages = this.options.messages();
		int payloadBytes = this.fixture.prePublishPayments(SUBJECT, messages);
		System.out.printf("app        %,d messages of %d bytes in stream %s%n", messages, payloadBytes, STREAM);
		Map<Consumer, List<ThroughputRound>> runs = new LinkedHashMap<>();
		try {
			for (int r = 0; r < this.options.appRounds(); r++) {
				List<Consumer> applications = (r % 2 == 0)
						? List.of(Consumer.APPLICATION, Consumer.APPLICATION_TIMERS)
						: List.of(Consumer.APPLICATION_TIMERS, Consumer.APPLICATION);
				List<Consumer> order = new ArrayList<>();
				order.addAll(List.of(Consumer.RAW_JACKSON_3, Consumer.RAW_JACKSON_2));
				order.addAll(applications);
				order.addAll(List.of(Consumer.RAW_JACKSON_2, Consumer.RAW_JACKSON_3));
				for (Consumer consumer : order) {
					ThroughputRound run = run(consumer, jar, messages, payloadBytes);
					System.out.printf(
							"app        round %-3d (%s) %,10.0f msg/s  %,8.1f B/msg  %5.2f us CPU/msg  server %5.2f us/msg  idle %3.0f%%  JIT %4d ms  busy %s%s%s%n",
							r + 1, consumer.label, run.perSecond(), run.allocatedBytesPerMessage(),
							run.cpuMicrosPerMessage(), run.serverCpuMicrosPerMessage(), run.idleShare() * 100,
							run.compilationMillis(), run.threadBusy(),
							(run.redelivered() > 0) ? " REDELIVERED " + run.redelivered() : "",
							run.complete() ? "" : " INCOMPLETE " + run.handled());
					runs.computeIfAbsent(consumer, (k) -> new ArrayList<>()).add(run);
				}
			}
		}
		finally {
			this.fixture.deleteStream(STREAM);
		}
		List<ThroughputCase> cases = new ArrayList<>();
		for (Consumer consumer : Consumer.values()) {
			cases.add(ThroughputCase.of(consumer.label, consumer.description, "j3", runs.get(consumer)));
		}
		return cases;
	}

	/**
	 * For each of (app), (appt) and (j2), the median over the rounds of its throughput
	 * divided by the mean of the two runs of a loop around it in the same round: (app)
	 * against (j3) and (j2), (appt) against (j3), (j2) against (j3); and (appt) against
	 * (app), run one after the other.
	 * @param cases the cases as {@link #run()} returns them
	 * @return the ratios by name ({@code app/j3}, {@code app/j2}, {@code appt/j3},
	 * {@code appt/app}, {@code j2/j3})
	 */
	static Map<String, Double> roundRatios(List<ThroughputCase> cases) {
		Map<String, Double> ratios = new LinkedHashMap<>();
		Map<String, List<Double>> perRound = perRoundRatios(cases);
		perRound.forEach((name, values) -> ratios.put(name, Stats.median(values)));
		return ratios;
	}

	/**
	 * The per-round ratios behind {@link #roundRatios(List)}.
	 * @param cases the cases
	 * @return each ratio's values, by round
	 */
	static Map<String, List<Double>> perRoundRatios(List<ThroughputCase> cases) {
		Map<String, List<Double>> ratios = new TreeMap<>();
		ThroughputCase j3 = find(cases, "j3");
		ThroughputCase j2 = find(cases, "j2");
		ThroughputCase app = find(cases, "app");
		ThroughputCase timers = find(cases, "appt");
		if (j3 == null || j2 == null || app == null) {
			return ratios;
		}
		for (int r = 0; r < app.rounds().size() && 2 * r + 1 < j3.rounds().size()
				&& 2 * r + 1 < j2.rounds().size(); r++) {
			double raw3 = around(j3, r);
			double raw2 = around(j2, r);
			double application = app.rounds().get(r).perSecond();
			ratios.computeIfAbsent("app/j3", (k) -> new ArrayList<>()).add(application / raw3);
			ratios.computeIfAbsent("app/j2", (k) -> new ArrayList<>()).add(application / raw2);
			ratios.computeIfAbsent("j2/j3", (k) -> new ArrayList<>()).add(raw2 / raw3);
			if (timers != null && r < timers.rounds().size()) {
				double timed = timers.rounds().get(r).perSecond();
				ratios.computeIfAbsent("appt/j3", (k) -> new ArrayList<>()).add(timed / raw3);
				ratios.computeIfAbsent("appt/app", (k) -> new ArrayList<>()).add(timed / application);
			}
		}
		return ratios;
	}

	private static double around(ThroughputCase raw, int round) {
		return (raw.rounds().get(2 * round).perSecond() + raw.rounds().get(2 * round + 1).perSecond()) / 2;
	}

	private static @Nullable ThroughputCase find(List<ThroughputCase> cases, String label) {
		return cases.stream().filter((c) -> c.label().equals(label)).findFirst().orElse(null);
	}

	private ThroughputRound run(Consumer consumer, Path jar, int messages, int payloadBytes) throws Exception {
		this.fixture.deleteConsumer(STREAM, consumer.durable);
		List<String> command = new ArrayList<>();
		command.add(ChildProcess.java());
		int run = ++this.sequence;
		Path recordings = this.options.childFlightRecordings();
		if (recordings != null) {
			Files.createDirectories(recordings);
			command.add("-XX:StartFlightRecording:filename="
					+ recordings.resolve("app-" + run + "-" + consumer.label + ".jfr").toAbsolutePath()
					+ ",settings=profile,jdk.ExecutionSample#period=1ms,jdk.Compilation#threshold=0ms");
		}
		if (consumer == Consumer.APPLICATION || consumer == Consumer.APPLICATION_TIMERS) {
			command.addAll(List.of("-jar", jar.toString(), "--nats.servers=" + this.url, "--bench.subject=" + SUBJECT,
					"--bench.messages=" + messages, "--bench.auto-startup=false"));
			if (consumer == Consumer.APPLICATION_TIMERS) {
				command.add("--nats.jetstream.handler-observation-enabled=false");
			}
		}
		else {
			command.addAll(List.of("-cp", ChildProcess.classPath(), RawLoop.class.getName(), this.url, STREAM, SUBJECT,
					consumer.durable, String.valueOf(messages),
					(consumer == Consumer.RAW_JACKSON_3) ? "3" : "2"));
		}
		Path log = this.module.resolve("target/children/app-" + run + "-" + consumer.label + ".log");
		try (ChildProcess child = ChildProcess.start(command, log)) {
			child.await("READY", READY_TIMEOUT);
			long serverCpuBefore = MachineProbe.serverCpuNanos();
			long @Nullable [] ticksBefore = MachineProbe.machineTicks();
			child.send("GO");
			Map<String, String> result = ChildProcess.values(child.await("RESULT", RUN_TIMEOUT));
			long serverCpu = MachineProbe.serverCpuNanos() - serverCpuBefore;
			double idle = MachineProbe.idleShare(ticksBefore, MachineProbe.machineTicks());
			long handled = Long.parseLong(result.get("handled"));
			long nanos = Long.parseLong(result.get("nanos"));
			Map<String, Double> busy = new TreeMap<>();
			for (String line : child.seen("BUSY")) {
				int space = line.indexOf(' ');
				busy.put(line.substring(space + 1), Double.valueOf(line.substring(0, space)));
			}
			long redelivered = this.fixture.redelivered(STREAM, consumer.durable);
			return new ThroughputRound(handled / (nanos / 1e9), nanos / 1e6, handled >= messages, handled,
					payloadBytes, Double.parseDouble(result.get("allocated")) / Math.max(1, handled),
					Double.parseDouble(result.get("cpuNanos")) / 1000 / Math.max(1, handled),
					(serverCpuBefore >= 0) ? serverCpu / 1000.0 / Math.max(1, handled) : Double.NaN, idle,
					Long.parseLong(result.get("jitMillis")), busy, redelivered, 0, 0, 0,
					Long.parseLong(result.get("gcs")));
		}
	}

}

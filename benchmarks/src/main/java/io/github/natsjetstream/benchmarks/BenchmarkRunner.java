package io.github.natsjetstream.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.benchmarks.Report.LatencyCase;
import io.github.natsjetstream.benchmarks.Report.ServerThroughput;
import io.github.natsjetstream.benchmarks.Report.Startup;
import io.github.natsjetstream.benchmarks.Report.Target;
import io.github.natsjetstream.benchmarks.Report.ThroughputCase;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.api.StorageType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the benchmarks: starts a {@code nats-server}, measures throughput, latency,
 * startup and memory of raw jnats and of the starter in this JVM, prints the results and
 * writes them to {@code benchmarks/results/latest.md} and {@code latest.json}.
 */
public final class BenchmarkRunner {

	/** The command that builds and runs the benchmarks from the repository root. */
	static final String COMMAND = "./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests"
			+ " && java -Xms1g -Xmx1g -jar benchmarks/target/benchmarks.jar";

	private static final String BUSY_TARGET_NAME = "Busy handler beside %s idle handlers";

	private static final String BUSY_TARGET = "as beside none: msg/s ≥ 0.95×, p99 ≤ × 1.2 + 0.5 ms";

	private BenchmarkRunner() {
	}

	/**
	 * Run the benchmarks.
	 * @param args {@code --name=value} options, see {@link BenchmarkOptions#USAGE}
	 * @throws Exception when a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		if (options.render()) {
			ReportWriter.render(options.resultsDirectory(), options.resultsName());
			System.out.println("Wrote " + options.resultsDirectory().resolve(options.resultsName() + ".md"));
			return;
		}
		String startedAt = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		double loadBefore = loadAverage();
		String commit = commit() + ", library jar built " + libraryBuilt();
		long started = System.nanoTime();
		JsonMapper mapper = JsonMapper.builder().build();
		MessageSink sink = new MessageSink();
		List<ThroughputCase> throughput = List.of();
		List<LatencyCase> latency = List.of();
		Startup startup = null;
		List<ThroughputCase> publish = List.of();
		List<Path> otherServers = List.of();
		ServerComparison comparison = new ServerComparison(options, sink, mapper);
		List<ThroughputCase> app = null;
		Report.Scale scale = null;
		String serverVersion;
		try (NatsServer server = NatsServer.builder().build().start()) {
			serverVersion = mapper.readTree(server.monitoring("/varz")).path("version").asString();
			System.out.println("nats-server " + serverVersion + " at " + server.url() + "; " + options.storage()
					+ " storage; load average " + loadBefore);
			StorageType storage = options.storage().equals("memory") ? StorageType.Memory : StorageType.File;
			StarterContexts contexts = new StarterContexts(server.url(), sink);
			try (JetStreamFixture fixture = new JetStreamFixture(server.url(), mapper, storage)) {
				if (options.runs("throughput")) {
					throughput = new ThroughputBenchmark(options, fixture, contexts, sink, mapper, server.url()).run();
				}
				if (options.runs("latency")) {
					latency = new LatencyBenchmark(options, fixture, contexts, sink, mapper, server.url()).run();
				}
				if (options.runs("startup")) {
					startup = new StartupBenchmark(options, server, fixture, contexts, mapper).run();
				}
				if (options.runs("in-flight")) {
					new InFlightProbe(options, fixture, mapper, server.url()).run();
				}
				if (options.runs("publish")) {
					publish = new PublishBenchmark(options, fixture, contexts, mapper, server.url()).run();
				}
				if (options.runs("app")) {
					app = new AppBenchmark(options, fixture, server.url()).run();
				}
				if (options.runs("scale")) {
					scale = new ScaleBenchmark(options, fixture, server.url()).run();
				}
			}
			if (options.runs("servers")) {
				otherServers = comparison.otherBinaries(server.binary());
			}
		}
		List<ServerThroughput> servers = new ArrayList<>();
		if (options.runs("servers")) {
			servers.addAll(ServerComparison.ownRow(serverVersion, throughput, Report.roundRatios(throughput)));
			servers.addAll(comparison.measure(otherServers));
		}
		Map<String, Double> ratios = Report.ratios(throughput);
		Map<String, Double> roundRatios = Report.roundRatios(throughput);
		Map<String, Double> publishRoundRatios = Report.roundRatios(publish);
		Map<String, Double> appRoundRatios = (app != null) ? AppBenchmark.roundRatios(app) : null;
		Report.Machine machine = new Report.Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
				memoryMiB(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vendor") + ")",
				ManagementFactory.getRuntimeMXBean().getInputArguments(), serverVersion, options.storage(), COMMAND,
				options.arguments(), commit, startedAt, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
				loadBefore, loadAverage(), options.settings());
		Report report = new Report(machine, throughput, ratios, roundRatios, latency, startup, publish,
				publishRoundRatios, targets(roundRatios, latency, startup, publishRoundRatios, appRoundRatios, scale),
				servers, app, appRoundRatios, scale);
		ReportWriter.write(report, options.resultsDirectory(), options.resultsName());
		System.out.println();
		System.out.println(ReportWriter.markdown(report, null));
		System.out.println("Wrote " + options.resultsDirectory().resolve(options.resultsName() + ".md") + " and .json");
		System.exit(0);
	}

	private static List<Target> targets(Map<String, Double> ratios, List<LatencyCase> latency,
			@Nullable Startup startup, Map<String, Double> publishRatios, @Nullable Map<String, Double> appRatios,
			Report.@Nullable Scale scale) {
		List<Target> targets = new ArrayList<>();
		targets.add(ratio(ratios, "b/a", 0.90));
		targets.add(ratio(ratios, "c/a", 1.10));
		targets.add(ratio(ratios, "d/a", 0.85));
		targets.add(ratio(ratios, "bm/a", 0.90));
		targets.add(ratio(ratios, "dm/a", 0.85));
		targets.add(ratio(ratios, "bb/fa", 0.95));
		if (latency.size() >= 2) {
			LatencyCase raw = latency.get(0);
			LatencyCase starter = latency.get(1);
			double limit = raw.p99Micros() * 1.2 + 500;
			targets.add(new Target("Starter p99 latency", "≤ raw p99 × 1.2 + 0.5 ms",
					format("%.3f ms (limit %.3f ms; raw %.3f ms)", starter.p99Micros() / 1000, limit / 1000,
							raw.p99Micros() / 1000),
					starter.p99Micros() <= limit));
		}
		else {
			targets.add(new Target("Starter p99 latency", "≤ raw p99 × 1.2 + 0.5 ms", "-", null));
		}
		if (startup != null) {
			targets.add(new Target("Unchanged restart writes", "0 write requests",
					startup.restartApiWrites() + " writes (" + format("%.0f", startup.restartApiRequests())
							+ " requests in all)",
					startup.restartApiWrites() == 0));
			targets.add(new Target("50 handlers' startup cost", "< 1 s",
					format("%,.0f ms", startup.handlersAddMillis()), startup.handlersAddMillis() < 1000));
		}
		else {
			targets.add(new Target("Unchanged restart writes", "0 write requests", "-", null));
			targets.add(new Target("50 handlers' startup cost", "< 1 s", "-", null));
		}
		targets.add(publishRatio(publishRatios, "t/p", "Template publish t/p", 0.95));
		targets.add(publishRatio(publishRatios, "ta/pa", "Template publishAsync ta/pa", 0.90));
		Double app = (appRatios != null) ? appRatios.get("app/j3") : null;
		targets.add(new Target("Application / hand-written Jackson 3 loop, own processes", "≥ 0.95",
				(app != null) ? format("%.3f", app) : "-", (app != null) ? app >= 0.95 : null));
		Double timed = (appRatios != null) ? appRatios.get("appt/j3") : null;
		targets.add(new Target("The same, handler observation disabled (timers only)", "≥ 0.95",
				(timed != null) ? format("%.3f", timed) : "-", (timed != null) ? timed >= 0.95 : null));
		targets.addAll(scaleTargets(scale));
		return targets;
	}

	/**
	 * The targets at the most handlers the scale case measured (the are for
	 * 1,000), judged on the worse of the two threading modes but for threads, which are
	 * judged with virtual threads.
	 */
	private static List<Target> scaleTargets(Report.@Nullable Scale scale) {
		List<Target> targets = new ArrayList<>();
		int handlers = (scale != null) ? scale.maxHandlers() : 0;
		Report.ScalePoint platform = (scale != null) ? scale.point(handlers, false) : null;
		Report.ScalePoint virtual = (scale != null) ? scale.point(handlers, true) : null;
		String at = (handlers > 0) ? format("%,d", handlers) : "1,000";
		if (platform == null) {
			targets.add(new Target(at + " handlers: unchanged restart", "< 3 s, 0 writes", "-", null));
			targets.add(new Target(at + " idle handlers: CPU", "< 1% of a core", "-", null));
			targets.add(new Target(at + " idle handlers: heap per handler", "< 10 KiB", "-", null));
			targets.add(new Target(at + " idle handlers on virtual threads: platform threads per handler", "≈ 0 (< 0.01)",
					"-", null));
			targets.add(new Target(BUSY_TARGET_NAME.formatted(at), BUSY_TARGET, "-", null));
			return targets;
		}
		List<Report.ScalePoint> both = (virtual != null) ? List.of(platform, virtual) : List.of(platform);
		double start = both.stream().mapToDouble(Report.ScalePoint::startMillis).max().orElse(Double.NaN);
		long writes = both.stream().mapToLong(Report.ScalePoint::apiWrites).max().orElse(-1);
		targets.add(new Target(at + " handlers: unchanged restart", "< 3 s, 0 writes",
				format("%,.0f ms, %d writes (platform %,.0f ms, virtual %s)", start, writes, platform.startMillis(),
						(virtual != null) ? format("%,.0f ms", virtual.startMillis()) : "-"),
				start < 3000 && writes == 0));
		double cpu = both.stream().mapToDouble(Report.ScalePoint::idleCpu).max().orElse(Double.NaN);
		targets.add(new Target(at + " idle handlers: CPU", "< 1% of a core",
				format("%.2f%% (platform %.2f%%, virtual %s)", cpu * 100, platform.idleCpu() * 100,
						(virtual != null) ? format("%.2f%%", virtual.idleCpu() * 100) : "-"),
				cpu < 0.01));
		double heap = both.stream().mapToDouble(Report.ScalePoint::heapPerHandlerBytes).max().orElse(Double.NaN);
		targets.add(new Target(at + " idle handlers: heap per handler", "< 10 KiB",
				format("%.1f KiB (platform %.1f, virtual %s)", heap / 1024, platform.heapPerHandlerBytes() / 1024,
						(virtual != null) ? format("%.1f", virtual.heapPerHandlerBytes() / 1024) : "-"),
				heap < 10 * 1024));
		targets.add(new Target(at + " idle handlers on virtual threads: platform threads per handler", "≈ 0 (< 0.01)",
				(virtual != null) ? format("%.3f (%d live platform threads; %.3f without virtual threads)",
						virtual.threadsPerHandler(), virtual.threads(), platform.threadsPerHandler()) : "not run (Java < 21)",
				(virtual != null) ? virtual.threadsPerHandler() < 0.01 : null));
		targets.add(busyTarget(at, scale, both));
		return targets;
	}

	/**
	 * The busy handler beside the most idle handlers against the application without idle
	 * handlers in the same threading mode, measured in turn with it: throughput within 5%,
	 * p99 latency within the latency case's allowance (× 1.2 + 0.5 ms), in both threading
	 * modes.
	 */
	private static Target busyTarget(String at, Report.Scale scale, List<Report.ScalePoint> both) {
		List<String> measured = new ArrayList<>();
		boolean met = true;
		for (Report.ScalePoint point : both) {
			Report.ScalePoint base = scale.point(0, point.virtualThreads());
			Report.ScaleBusy busy = point.busy();
			if (busy == null || base == null || base.busy() == null) {
				return new Target(BUSY_TARGET_NAME.formatted(at), BUSY_TARGET, "-", null);
			}
			double p99Limit = busy.reference(base.busy()).p99Micros() * 1.2 + 500;
			met = met && busy.perSecondRatio() >= 0.95 && busy.p99Micros() <= p99Limit;
			measured.add(format("%s: %.3f× msg/s, p99 %.3f ms (limit %.3f ms)",
					point.virtualThreads() ? "virtual" : "platform", busy.perSecondRatio(), busy.p99Micros() / 1000,
					p99Limit / 1000));
		}
		return new Target(BUSY_TARGET_NAME.formatted(at), BUSY_TARGET, String.join("; ", measured), met);
	}

	private static Target ratio(Map<String, Double> ratios, String name, double goal) {
		Double ratio = ratios.get(name);
		return new Target("Throughput " + name, "≥ " + format("%.2f", goal),
				(ratio != null) ? format("%.3f", ratio) : "-", (ratio != null) ? ratio >= goal : null);
	}

	private static Target publishRatio(Map<String, Double> ratios, String key, String name, double goal) {
		Double ratio = ratios.get(key);
		return new Target(name, "≥ " + format("%.2f", goal), (ratio != null) ? format("%.3f", ratio) : "-",
				(ratio != null) ? ratio >= goal : null);
	}

	private static @Nullable ThroughputCase find(List<ThroughputCase> cases, String label) {
		return cases.stream().filter((c) -> c.label().equals(label)).findFirst().orElse(null);
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long memoryMiB() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getTotalMemorySize() / (1024 * 1024);
		}
		return -1;
	}

	private static String commit() {
		try {
			String head = run("git", "rev-parse", "--short", "HEAD");
			String status = run("git", "status", "--porcelain");
			return head + (status.isEmpty() ? "" : "-dirty");
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	private static String libraryBuilt() {
		try {
			Path jar = Path.of(NatsHandlerContainer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return OffsetDateTime.ofInstant(Files.getLastModifiedTime(jar).toInstant(), ZoneOffset.UTC)
				.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		catch (Exception ex) {
			return "(unknown)";
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}

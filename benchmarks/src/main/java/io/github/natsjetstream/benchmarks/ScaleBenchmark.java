package io.github.natsjetstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.natsjetstream.benchmarks.Report.Scale;
import io.github.natsjetstream.benchmarks.Report.ScaleBusy;
import io.github.natsjetstream.benchmarks.Report.ScalePoint;
import io.github.natsjetstream.benchmarks.ScaleBusyDriver.BusyApplication;
import org.jspecify.annotations.Nullable;

/**
 * Costs as handlers grow: the {@link ScaleApplication} with 0, 10, 50, 200 and 1,000 idle
 * handlers over 20 streams, each a process of its own with default JVM options. For each
 * number of handlers, a first start against a server without the streams, then an
 * unchanged restart with platform threads and one with virtual threads
 * ({@code spring.threads.virtual.enabled=true}). Each restart is measured: the time
 * {@code SpringApplication.run} takes, its JetStream API requests (writes must be none),
 * then, idle, the process's CPU time and allocation rate, its live platform threads, its
 * live heap (class histogram total), the API requests it makes and the server's CPU time;
 * then, its idle handlers idling on, the throughput and latency of its one busy handler
 * ({@link ScaleBusyDriver}); and the time closing the context takes. Heap and threads per
 * handler, and the busy handler's figures, are measured against the application with no
 * idle handlers in the same threading mode (every application has the busy handler); for
 * the busy handler's, one such application runs beside the one measured, and their busy
 * phases take turns.
 */
final class ScaleBenchmark {

	private static final java.time.Duration START_TIMEOUT = java.time.Duration.ofMinutes(3);

	/** The busy key of the application without idle handlers run beside one with them. */
	private static final String BESIDE_BUSY_KEY = "b";

	private final BenchmarkOptions options;

	private final JetStreamFixture fixture;

	private final String url;

	private final Path module;

	private final ScaleBusyDriver busy;

	private int sequence;

	ScaleBenchmark(BenchmarkOptions options, JetStreamFixture fixture, String url) {
		this.options = options;
		this.fixture = fixture;
		this.url = url;
		this.module = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks") : Path.of(".");
		this.busy = new ScaleBusyDriver(fixture, options.scaleBusyMessages(), options.scaleLatencyMessages(),
				options.scaleLatencyRate());
	}

	Scale run() throws Exception {
		Java java = childJava(this.options.childJava());
		System.out.println("scale      applications run with " + java.executable() + " (Java " + java.feature() + ")"
				+ (java.virtualThreads() ? "" : "; no virtual threads before Java 21: platform threads only"));
		TreeSet<Integer> counts = new TreeSet<>(this.options.scaleHandlers());
		counts.add(0);
		List<ScalePoint> points = new ArrayList<>();
		try (ApiRequestCounter counter = new ApiRequestCounter(this.url)) {
			for (int handlers : counts) {
				deleteStreams();
				double first = firstStart(java, handlers);
				points.add(restart(java, handlers, false, first, counter));
				if (java.virtualThreads()) {
					points.add(restart(java, handlers, true, first, counter));
				}
			}
		}
		finally {
			deleteStreams();
		}
		return Scale.of(java.executable() + " (Java " + java.feature() + ")", this.options.scaleIdle().toSeconds(),
				points);
	}

	private double firstStart(Java java, int handlers) throws Exception {
		try (ChildProcess child = ChildProcess.start(command(java, handlers, false), log(handlers, "first"))) {
			Map<String, String> started = ChildProcess.values(child.await("STARTED", START_TIMEOUT));
			child.send("EXIT");
			child.await("CLOSED", START_TIMEOUT);
			double millis = Double.parseDouble(started.get("millis"));
			System.out.printf("scale      %,5d handlers  first start          %,7.0f ms%n", handlers, millis);
			return millis;
		}
	}

	private ScalePoint restart(Java java, int handlers, boolean virtual, double first, ApiRequestCounter counter)
			throws Exception {
		Map<String, Long> before = counter.snapshot();
		try (ChildProcess child = ChildProcess.start(command(java, handlers, virtual),
				log(handlers, virtual ? "virtual" : "platform"))) {
			Map<String, String> started = ChildProcess.values(child.await("STARTED", START_TIMEOUT));
			Map<String, Long> startRequests = ApiRequestCounter.between(before, counter.snapshot());
			long idleSeconds = this.options.scaleIdle().toSeconds();
			child.send("IDLE " + idleSeconds + " " + this.options.scaleSettle().toSeconds());
			child.await("IDLE-START", START_TIMEOUT.plus(this.options.scaleSettle()));
			Map<String, Long> idleBefore = counter.snapshot();
			long serverCpuBefore = MachineProbe.serverCpuNanos();
			long idleStarted = System.nanoTime();
			Map<String, String> idle = ChildProcess.values(child.await("IDLE", START_TIMEOUT.plus(this.options.scaleIdle())));
			double seconds = (System.nanoTime() - idleStarted) / 1e9;
			long serverCpu = MachineProbe.serverCpuNanos() - serverCpuBefore;
			Map<String, Long> idleRequests = ApiRequestCounter.between(idleBefore, counter.snapshot());
			ScaleBusy busy = busy(java, handlers, virtual, child);
			child.send("EXIT");
			Map<String, String> closed = ChildProcess.values(child.await("CLOSED", START_TIMEOUT));
			Map<String, Double> idleCpuByThreads = new TreeMap<>();
			for (String line : child.seen("IDLE-THREADS")) {
				int space = line.indexOf(' ');
				idleCpuByThreads.put(line.substring(space + 1), Double.valueOf(line.substring(0, space)));
			}
			Map<String, Double> idleRequestsPerSecond = new TreeMap<>();
			idleRequests.forEach((kind, count) -> idleRequestsPerSecond.put(kind, count / seconds));
			ScalePoint point = new ScalePoint(handlers, virtual, first, Double.parseDouble(started.get("millis")),
					Double.parseDouble(started.get("uptimeMillis")), ApiRequestCounter.requests(startRequests),
					ApiRequestCounter.writes(startRequests), startRequests, Double.parseDouble(idle.get("cpu")),
					Double.parseDouble(idle.get("allocatedPerSecond")), idleRequestsPerSecond,
					(serverCpuBefore >= 0) ? serverCpu / 1e9 / seconds : Double.NaN,
					Integer.parseInt(idle.get("threads")), Long.parseLong(idle.get("heapBytes")),
					Double.parseDouble(closed.get("millis")), jitMillis(child), idleCpuByThreads, Double.NaN, Double.NaN,
					busy);
			System.out.printf(
					"scale      %,5d handlers  restart, %-8s  %,7.0f ms  api %4d (writes %d)  idle %5.2f%% CPU %,8.1f KiB/s  %5.1f req/s  server %5.2f%%  threads %4d  heap %,6.1f MiB  close %,6.0f ms%n",
					handlers, virtual ? "virtual" : "platform", point.startMillis(), point.apiRequests(),
					point.apiWrites(), point.idleCpu() * 100, point.idleAllocatedBytesPerSecond() / 1024,
					point.idleRequestsPerSecond().values().stream().mapToDouble(Double::doubleValue).sum(),
					point.serverIdleCpu() * 100, point.threads(), point.heapBytes() / 1048576.0,
					point.closeMillis());
			if (handlers > 0) {
				System.out.println("scale                      idle CPU by threads: " + idleCpuByThreads + ", JVM "
						+ child.seen("IDLE-VM"));
			}
			ScaleBusyDriver.print(busy);
			return point;
		}
	}

	/**
	 * Run the busy phases of an application: alone for the one without idle handlers, else
	 * in turn with one without idle handlers started beside it for them.
	 */
	private ScaleBusy busy(Java java, int handlers, boolean virtual, ChildProcess child) throws Exception {
		BusyApplication measured = new BusyApplication(child, ScaleSubjects.busyPrefix(ScaleSubjects.MEASURED_BUSY_KEY));
		if (handlers == 0) {
			return this.busy.run(measured);
		}
		try (ChildProcess beside = ChildProcess.start(command(java, 0, virtual, BESIDE_BUSY_KEY),
				log(0, (virtual ? "virtual" : "platform") + "-beside-" + handlers))) {
			beside.await("STARTED", START_TIMEOUT);
			// Until its JIT compilers have compiled its startup, as the measured one's have.
			beside.send("SETTLE 2");
			beside.await("SETTLED", START_TIMEOUT);
			ScaleBusy busy = this.busy.runBeside(measured,
					new BusyApplication(beside, ScaleSubjects.busyPrefix(BESIDE_BUSY_KEY)));
			beside.send("EXIT");
			beside.await("CLOSED", START_TIMEOUT);
			return busy;
		}
	}

	private static double jitMillis(ChildProcess child) {
		List<String> vm = child.seen("IDLE-VM");
		String millis = vm.isEmpty() ? null : ChildProcess.values(vm.get(0)).get("jitMillis");
		return (millis != null) ? Double.parseDouble(millis) : Double.NaN;
	}

	private List<String> command(Java java, int handlers, boolean virtual) {
		return command(java, handlers, virtual, ScaleSubjects.MEASURED_BUSY_KEY);
	}

	private List<String> command(Java java, int handlers, boolean virtual, String busyKey) {
		return List.of(java.executable(), "-cp", ChildProcess.classPath(), ScaleApplication.class.getName(),
				"--nats.servers=" + this.url, "--scale.handlers=" + handlers, "--scale.busy=" + busyKey,
				"--spring.threads.virtual.enabled=" + virtual);
	}

	private Path log(int handlers, String what) {
		return this.module.resolve("target/children/scale-" + (++this.sequence) + "-" + handlers + "-" + what + ".log");
	}

	private void deleteStreams() throws Exception {
		for (int i = 0; i < ScaleSubjects.STREAMS; i++) {
			this.fixture.deleteStream(ScaleSubjects.stream(i));
		}
		this.fixture.deleteStream(ScaleSubjects.busyStream(ScaleSubjects.MEASURED_BUSY_KEY));
		this.fixture.deleteStream(ScaleSubjects.busyStream(BESIDE_BUSY_KEY));
	}

	/**
	 * Find the {@code java} to run the applications with: the one given, else this JVM's
	 * if it is Java 21 or later (virtual threads), else the first Java 21 or later in
	 * {@code JAVA_HOME} or {@code /usr/lib/jvm}, else this JVM's.
	 */
	static Java childJava(@Nullable String given) throws IOException {
		if (given != null) {
			Path executable = Path.of(given);
			Path home = executable.toAbsolutePath().getParent().getParent();
			return new Java(given, feature(home));
		}
		int own = Runtime.version().feature();
		if (own >= 21) {
			return new Java(ChildProcess.java(), own);
		}
		List<Path> homes = new ArrayList<>();
		String javaHome = System.getenv("JAVA_HOME");
		if (javaHome != null) {
			homes.add(Path.of(javaHome));
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (Files.isDirectory(jvms)) {
			try (Stream<Path> list = Files.list(jvms)) {
				list.sorted().forEach(homes::add);
			}
		}
		for (Path home : homes) {
			int feature = feature(home);
			if (feature >= 21 && Files.isExecutable(home.resolve("bin/java"))) {
				return new Java(home.resolve("bin/java").toString(), feature);
			}
		}
		return new Java(ChildProcess.java(), own);
	}

	private static int feature(Path home) throws IOException {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release)) {
			return -1;
		}
		for (String line : Files.readAllLines(release)) {
			if (line.startsWith("JAVA_VERSION=")) {
				String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
				String first = version.split("[.+-]")[0];
				try {
					return Integer.parseInt(first.equals("1") ? version.split("\\.")[1] : first);
				}
				catch (RuntimeException ex) {
					return -1;
				}
			}
		}
		return -1;
	}

	/**
	 * A {@code java} executable and its feature release.
	 *
	 * @param executable the path
	 * @param feature the feature release, -1 when unknown
	 */
	record Java(String executable, int feature) {

		boolean virtualThreads() {
			return this.feature >= 21;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s (Java %d)", this.executable, this.feature);
		}

	}

}

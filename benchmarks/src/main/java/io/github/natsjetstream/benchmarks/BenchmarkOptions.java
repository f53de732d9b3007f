package io.github.natsjetstream.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.natsjetstream.benchmarks.ThroughputBenchmark.Case;
import io.github.natsjetstream.benchmarks.experiment.ExperimentalContainer.Variant;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's command line: {@code --name=value} arguments, all optional.
 *
 * @param messages messages per throughput round and per asynchronous publish round (a
 * tenth of them per synchronous publish round)
 * @param rounds measured throughput rounds per case, after the warm-up rounds
 * @param warmUpRounds unmeasured throughput rounds of all cases before the measured ones
 * @param throughputCases the throughput cases to run
 * @param latencyRate messages per second in latency rounds
 * @param latencyDuration the measured part of a latency round
 * @param latencyWarmUp the unrecorded start of a latency round
 * @param latencyRounds measured latency rounds per consumer, after one warm-up round
 * @param latencyExperiments experimental containers to measure latency of as well
 * @param startupRounds measured startup rounds, after one warm-up round
 * @param parts which parts to run: throughput, latency, startup
 * @param storage the stream storage: file or memory
 * @param resultsDirectory where to write the results
 * @param resultsName the results' file name, without extension
 * @param histogram whether to print a heap histogram with each startup context open
 * @param render whether to render the existing JSON results as Markdown again (with the
 * current notes) instead of running
 * @param otherServers the {@code nats-server} binaries to measure (a) and (b) on besides
 * the run's own, or empty for the project's cache and the system's package
 * @param arguments the arguments as given
 * @param appRounds rounds of the application case, each running the hand-written loops
 * around the application
 * @param scaleHandlers the numbers of idle handlers of the scale case
 * @param scaleIdle how long the scale case measures each application idle
 * @param scaleSettle how long the scale case lets each application settle before its idle
 * window (then it also waits until the JIT compilers are idle)
 * @param scaleBusyMessages messages of each throughput round of the scale case's busy
 * handler
 * @param scaleLatencyMessages messages of the scale case's busy handler latency phase
 * @param scaleLatencyRate their rate, messages per second
 * @param childJava the {@code java} the scale case runs its applications with, or
 * {@code null} for this JVM's if it supports virtual threads, else the first JDK 21 or
 * later found
 * @param childFlightRecordings where the application case's processes write a flight
 * recording each, or {@code null} for none
 */
record BenchmarkOptions(int messages, int rounds, int warmUpRounds, List<Case> throughputCases, int latencyRate,
		Duration latencyDuration, Duration latencyWarmUp, int latencyRounds, List<Variant> latencyExperiments,
		int startupRounds, Set<String> parts,
		String storage, Path resultsDirectory, String resultsName, boolean histogram, boolean render,
		List<Path> otherServers, List<String> arguments, int appRounds, List<Integer> scaleHandlers, Duration scaleIdle,
		Duration scaleSettle, int scaleBusyMessages, int scaleLatencyMessages, int scaleLatencyRate, @Nullable String childJava, @Nullable Path childFlightRecordings) {

	static final String USAGE = """
			Usage: java -jar benchmarks/target/benchmarks.jar [--name=value ...]
			  --messages=200000        messages per throughput round
			  --rounds=9               measured throughput rounds per case (after the warm-up rounds)
			  --warm-up-rounds=2       unmeasured throughput rounds of all cases first
			  --cases=a,b,c,d,bm,dm,s  throughput cases: a raw, b handler, c handler x4, d routing, fa raw fetch(100),
			                           bb batch handler (100), bm and dm: b and d with Actuator, Prometheus and
			                           metrics on,
			                           s raw without decoding; e1.. hot-path experiments (ThroughputBenchmark.Case)
			  --latency-rate=5000      messages per second in latency rounds
			  --latency-seconds=10     measured seconds per latency round
			  --latency-warmup-seconds=2  unrecorded seconds at the start of each latency round
			  --latency-rounds=3       measured latency rounds per consumer (after one warm-up round)
			  --latency-experiments=V,...  also measure experimental containers (ExperimentalContainer.Variant)
			  --startup-rounds=3       measured startup rounds (after one warm-up round)
			  --app-rounds=3           rounds of the application case (raw loops run around the application)
			  --scale=10,50,200,1000   idle handlers of the scale case (0 is always measured as the base)
			  --scale-idle-seconds=60  how long the scale case measures each application idle
			  --scale-settle-seconds=2  how long each application settles before its idle window (then
			                           until its JIT compilers are idle); longer leaves out compiling
			                           what idle handlers run too rarely to be compiled sooner
			  --scale-busy-messages=200000  messages of each of the five rounds the scale case's busy handler
			                           is timed on after the idle window (after two such warm-up rounds)
			  --scale-latency-messages=2000  messages of the busy handler's latency phase, one at a time
			  --scale-latency-rate=200  their rate, messages per second
			  --app-jfr=DIR            the application case's processes each write a flight recording there
			                           (profile settings, execution samples every millisecond)
			  --child-java=PATH        the java of the scale case's applications (default: this one if it
			                           is 21 or later, else the first JDK 21+ in /usr/lib/jvm or JAVA_HOME)
			  --only=throughput,latency,startup,publish,servers,app,scale  the parts to run; servers: (a)
			                           and (b) on the other nats-server versions at hand too; app: the user's
			                           application against hand-written loops, each a process of its own;
			                           scale: startup and idle costs from 10 to 1,000 handlers, with and
			                           without virtual threads; in-flight: publishAsync()
			                           throughput by max-in-flight limit, the measurement behind its default
			  --storage=file           stream storage: file or memory
			  --other-servers=PATH,...  nats-server binaries for the servers part (default: the project's
			                           cache .nats-server/current and /usr/sbin/nats-server, those that exist)
			  --results=DIR            where to write NAME.md and NAME.json (default benchmarks/results for a
			                           full run, benchmarks/target/results otherwise)
			  --name=latest            results file name (default latest for a full run, partial otherwise)
			  --histogram              print a heap histogram with each startup context open
			  --render                 write NAME.md again from NAME.json and the current notes.md, run nothing
			  --quick                  a short smoke run: 20000 messages, 2 rounds, 3 s latency, 1 startup round
			""";

	private static final Set<String> ALL_PARTS = Set.of("throughput", "latency", "startup", "publish", "servers",
			"app", "scale");

	/** Parts run only when asked for with {@code --only}. */
	private static final Set<String> OPTIONAL_PARTS = Set.of("in-flight");

	static BenchmarkOptions parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'\n" + USAGE);
			}
			int equals = arg.indexOf('=');
			values.put((equals > 0) ? arg.substring(2, equals) : arg.substring(2),
					(equals > 0) ? arg.substring(equals + 1) : "true");
		}
		boolean quick = Boolean.parseBoolean(values.remove("quick"));
		boolean histogram = Boolean.parseBoolean(values.remove("histogram"));
		boolean render = Boolean.parseBoolean(values.remove("render"));
		int messages = integer(values.remove("messages"), quick ? 20_000 : 200_000);
		int rounds = integer(values.remove("rounds"), quick ? 2 : 9);
		int warmUpRounds = integer(values.remove("warm-up-rounds"), quick ? 1 : 2);
		String standard = String.join(",", Case.STANDARD.stream().map((c) -> c.label).toList());
		List<Case> cases = Arrays.stream(values.getOrDefault("cases", standard).split(","))
			.map(String::trim)
			.map(BenchmarkOptions::throughputCase)
			.toList();
		values.remove("cases");
		int latencyRate = integer(values.remove("latency-rate"), 5_000);
		Duration latencyDuration = Duration.ofSeconds(integer(values.remove("latency-seconds"), quick ? 3 : 10));
		Duration latencyWarmUp = Duration.ofSeconds(integer(values.remove("latency-warmup-seconds"), quick ? 1 : 2));
		int latencyRounds = integer(values.remove("latency-rounds"), quick ? 1 : 3);
		String experiments = values.remove("latency-experiments");
		List<Variant> latencyExperiments = (experiments != null)
				? Arrays.stream(experiments.split(",")).map(String::trim).map(Variant::valueOf).toList() : List.of();
		int startupRounds = integer(values.remove("startup-rounds"), quick ? 1 : 3);
		int appRounds = integer(values.remove("app-rounds"), quick ? 1 : 3);
		String scale = values.remove("scale");
		List<Integer> scaleHandlers = Arrays.stream(((scale != null) ? scale : quick ? "10,50" : "10,50,200,1000").split(","))
			.map(String::trim)
			.map((value) -> integer(value, 0))
			.filter((count) -> count > 0)
			.toList();
		Duration scaleIdle = Duration.ofSeconds(integer(values.remove("scale-idle-seconds"), quick ? 10 : 60));
		Duration scaleSettle = Duration.ofSeconds(integer(values.remove("scale-settle-seconds"), 2));
		int scaleBusyMessages = integer(values.remove("scale-busy-messages"), 200_000);
		int scaleLatencyMessages = integer(values.remove("scale-latency-messages"), quick ? 1_000 : 2_000);
		int scaleLatencyRate = integer(values.remove("scale-latency-rate"), 200);
		String childJava = values.remove("child-java");
		String appJfr = values.remove("app-jfr");
		String only = values.remove("only");
		Set<String> parts = (only != null)
				? Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toCollection(java.util.TreeSet::new))
				: ALL_PARTS;
		if (!parts.stream().allMatch((part) -> ALL_PARTS.contains(part) || OPTIONAL_PARTS.contains(part))) {
			throw new IllegalArgumentException("Unknown part in --only=" + only + "\n" + USAGE);
		}
		String storage = values.getOrDefault("storage", "file").toLowerCase(Locale.ROOT);
		values.remove("storage");
		if (!storage.equals("file") && !storage.equals("memory")) {
			throw new IllegalArgumentException("--storage must be file or memory\n" + USAGE);
		}
		boolean full = (render || !quick) && parts.equals(ALL_PARTS) && cases.equals(Case.STANDARD)
				&& latencyExperiments.isEmpty();
		String name = values.getOrDefault("name", full ? "latest" : "partial");
		values.remove("name");
		// Only a full run replaces the reference results; others go to target/.
		String results = values.remove("results");
		Path module = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks") : Path.of(".");
		Path resultsDirectory = (results != null) ? Path.of(results)
				: full ? module.resolve("results") : module.resolve("target").resolve("results");
		String others = values.remove("other-servers");
		List<Path> otherServers = (others != null)
				? Arrays.stream(others.split(",")).map(String::trim).map(Path::of).toList() : List.of();
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("Unknown arguments " + values.keySet() + "\n" + USAGE);
		}
		return new BenchmarkOptions(messages, rounds, warmUpRounds, cases, latencyRate, latencyDuration, latencyWarmUp, latencyRounds,
				latencyExperiments, startupRounds, parts, storage, resultsDirectory, name, histogram, render,
				otherServers, List.of(args), appRounds, scaleHandlers, scaleIdle, scaleSettle, scaleBusyMessages,
				scaleLatencyMessages, scaleLatencyRate, childJava,
				(appJfr != null) ? Path.of(appJfr) : null);
	}

	/**
	 * Return these options with other throughput cases.
	 * @param cases the cases
	 * @return the new options
	 */
	BenchmarkOptions withThroughputCases(List<Case> cases) {
		return new BenchmarkOptions(this.messages, this.rounds, this.warmUpRounds, cases, this.latencyRate,
				this.latencyDuration, this.latencyWarmUp, this.latencyRounds, this.latencyExperiments,
				this.startupRounds, this.parts, this.storage, this.resultsDirectory, this.resultsName, this.histogram,
				this.render, this.otherServers, this.arguments, this.appRounds, this.scaleHandlers, this.scaleIdle,
				this.scaleSettle, this.scaleBusyMessages, this.scaleLatencyMessages, this.scaleLatencyRate, this.childJava, this.childFlightRecordings);
	}

	boolean runs(String part) {
		return this.parts.contains(part);
	}

	Map<String, Object> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("messagesPerThroughputRound", this.messages);
		settings.put("throughputRounds", this.rounds + " (after " + this.warmUpRounds + " warm-up round(s) of all cases)");
		settings.put("latencyRate", this.latencyRate + " msg/s");
		settings.put("latencyRound", this.latencyWarmUp.toSeconds() + " s warm-up + " + this.latencyDuration.toSeconds()
				+ " s measured");
		settings.put("latencyRounds", this.latencyRounds + " (after 1 warm-up round per consumer)");
		settings.put("startupRounds", this.startupRounds + " (after 1 warm-up round)");
		settings.put("appRounds", this.appRounds + " (each: Jackson 3 loop, Jackson 2 loop, application, Jackson 2 loop, Jackson 3 loop)");
		settings.put("scaleHandlers", this.scaleHandlers + " idle handlers, " + this.scaleIdle.toSeconds() + " s idle each"
				+ " after " + this.scaleSettle.toSeconds() + " s to settle");
		settings.put("scaleBusyHandler", "5 rounds of " + this.scaleBusyMessages + " messages timed (after 2 "
				+ "warm-up rounds), then " + this.scaleLatencyMessages + " at " + this.scaleLatencyRate + " msg/s for latency");
		return settings;
	}

	private static Case throughputCase(String label) {
		return Arrays.stream(Case.values())
			.filter((c) -> c.label.equalsIgnoreCase(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown throughput case '" + label + "'\n" + USAGE));
	}

	private static int integer(@Nullable String value, int fallback) {
		return (value != null) ? Integer.parseInt(value.replace("_", "")) : fallback;
	}

}

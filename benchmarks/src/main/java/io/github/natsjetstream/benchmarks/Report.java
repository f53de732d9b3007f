package io.github.natsjetstream.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * Everything one run measured, as written to {@code latest.json} and rendered in
 * {@code latest.md}.
 *
 * @param machine where and how it ran
 * @param throughput consume throughput by case
 * @param ratios median throughput of each case divided by that of the raw baseline (a)
 * @param roundRatios for each case, the median over the rounds of its throughput divided
 * by that of (a) in the same round; the targets are judged on these
 * @param latency publish-to-handler latency, raw and starter
 * @param startup startup and idle memory
 * @param publish publish throughput by case, raw jnats and the template
 * @param publishRoundRatios for each template case, the median over the rounds of its
 * throughput divided by that of its raw case in the same round
 * @param targets the targets, met or missed
 * @param servers throughput (a) and (b) per server version
 * @param app the application case: the hand-written loops (j3, j2) and the application
 * (app), each a process of its own
 * @param appRoundRatios for (app) and (j2), the median over the rounds of the throughput
 * divided by the mean of the two runs of a loop around it in the same round
 * @param scale startup and idle costs by number of handlers
 */
record Report(Machine machine, List<ThroughputCase> throughput, Map<String, Double> ratios,
		@Nullable Map<String, Double> roundRatios, List<LatencyCase> latency, @Nullable Startup startup,
		@Nullable List<ThroughputCase> publish, @Nullable Map<String, Double> publishRoundRatios, List<Target> targets,
		@Nullable List<ServerThroughput> servers, @Nullable List<ThroughputCase> app,
		@Nullable Map<String, Double> appRoundRatios, @Nullable Scale scale) {

	/**
	 * Throughput (a) and (b) on one server version.
	 * @param version the server's version
	 * @param binary where its binary is, or that it is this run's own server
	 * @param rawPerSecond the median msg/s of (a)
	 * @param handlerPerSecond the median msg/s of (b)
	 * @param handlerRatio the median over the rounds of (b) divided by (a) in the same round
	 * @param rounds the measured rounds
	 */
	record ServerThroughput(String version, String binary, double rawPerSecond, double handlerPerSecond,
			double handlerRatio, int rounds) {
	}

	/**
	 * For each case, the median over the rounds of its throughput in a round divided by
	 * that of (a) in the same round. The cases of a round run within seconds of each
	 * other, so this cancels the slower shifts of the machine's speed, which move whole
	 * rounds; the ratio of the medians does not, as each case's median may come from
	 * rounds at another speed.
	 */
	static Map<String, Double> roundRatios(List<ThroughputCase> throughput) {
		Map<String, Double> ratios = new LinkedHashMap<>();
		for (ThroughputCase c : throughput) {
			ThroughputCase raw = baseline(throughput, c);
			if (raw != null && raw != c) {
				List<Double> perRound = new ArrayList<>();
				for (int i = 0; i < Math.min(c.rounds().size(), raw.rounds().size()); i++) {
					perRound.add(c.rounds().get(i).perSecond() / raw.rounds().get(i).perSecond());
				}
				ratios.put(c.label() + "/" + raw.label(), Stats.median(perRound));
			}
		}
		return ratios;
	}

	/**
	 * For each case, its median throughput divided by that of its raw baseline.
	 */
	static Map<String, Double> ratios(List<ThroughputCase> throughput) {
		Map<String, Double> ratios = new LinkedHashMap<>();
		for (ThroughputCase c : throughput) {
			ThroughputCase raw = baseline(throughput, c);
			if (raw != null && raw != c) {
				ratios.put(c.label() + "/" + raw.label(), c.medianPerSecond() / raw.medianPerSecond());
			}
		}
		return ratios;
	}

	private static @Nullable ThroughputCase baseline(List<ThroughputCase> throughput, ThroughputCase c) {
		String label = baselineLabel(c);
		return throughput.stream().filter((candidate) -> candidate.label().equals(label)).findFirst().orElse(null);
	}

	/**
	 * Return the label of the raw case a case is compared with.
	 * @param c the case
	 * @return its baseline's label
	 */
	static String baselineLabel(ThroughputCase c) {
		return (c.baseline() != null) ? c.baseline() : "a";
	}

	/**
	 * Where and how the run went.
	 *
	 * @param processors available processors
	 * @param cpu CPU model
	 * @param memoryMiB physical memory
	 * @param os operating system
	 * @param jdk the JDK running the benchmarks
	 * @param jvmArguments its arguments
	 * @param natsServer the server's version
	 * @param storage the stream storage type
	 * @param command the command that runs the benchmarks
	 * @param arguments the benchmark's own arguments in this run
	 * @param commit the repository's commit when the run started, with {@code -dirty} when
	 * it had changes, and when the library's jar was built
	 * @param startedAt when the run started
	 * @param durationSeconds how long it took
	 * @param loadAverageBefore the one-minute load average when it started
	 * @param loadAverageAfter the one-minute load average when it ended
	 * @param settings the benchmark settings
	 */
	record Machine(int processors, String cpu, long memoryMiB, String os, String jdk, List<String> jvmArguments,
			String natsServer, String storage, String command, List<String> arguments, String commit,
			String startedAt, long durationSeconds, double loadAverageBefore, double loadAverageAfter,
			Map<String, Object> settings) {
	}

	/**
	 * One throughput round.
	 *
	 * @param perSecond messages handled per second
	 * @param millis time from creating the consumer until the last message was handled
	 * @param complete whether every message was handled
	 * @param handled how many were handled
	 * @param payloadBytes the size of one payload
	 * @param allocatedBytesPerMessage heap allocated by all threads, per message
	 * @param cpuMicrosPerMessage CPU time of this process (all threads), per message
	 * @param serverCpuMicrosPerMessage CPU time of the {@code nats-server}, per message
	 * @param idleShare share of the machine's CPU time (all processors) left idle
	 * @param compilationMillis time the JIT compilers spent during the round
	 * @param threadBusy CPU time of each thread over the round's time, for threads busy
	 * at least 5% of it
	 * @param redelivered messages the server redelivered (after the ack wait or a nak): 0
	 * in a clean round
	 * @param heapBeforeBytes live heap (class histogram total) before the round
	 * @param heapAfterBytes live heap once every message was handled, with the consumer
	 * still running
	 * @param peakHeapBytes peak used heap during the round, garbage included
	 * @param collections garbage collections during the round
	 */
	record ThroughputRound(double perSecond, double millis, boolean complete, long handled, int payloadBytes,
			double allocatedBytesPerMessage, double cpuMicrosPerMessage, double serverCpuMicrosPerMessage,
			double idleShare, long compilationMillis, Map<String, Double> threadBusy,
			long redelivered, long heapBeforeBytes, long heapAfterBytes, long peakHeapBytes, long collections) {
	}

	/**
	 * One throughput case over all its rounds.
	 *
	 * @param label the letter
	 * @param description what consumes
	 * @param baseline the label of the raw case it is compared with ({@code a} when
	 * {@code null})
	 * @param medianPerSecond median messages per second
	 * @param minPerSecond slowest round
	 * @param maxPerSecond fastest round
	 * @param medianAllocatedBytesPerMessage median allocation per message
	 * @param medianCpuMicrosPerMessage median CPU time of this process per message
	 * @param medianServerCpuMicrosPerMessage median CPU time of the server per message
	 * @param medianIdleShare median share of the machine's CPU time left idle
	 * @param medianPeakHeapBytes median of the rounds' peak used heap
	 * @param medianHeapBeforeBytes median used heap after collection before the rounds
	 * @param medianHeapAfterBytes median used heap after collection at the end of the
	 * rounds, consumer running
	 * @param rounds the rounds
	 */
	record ThroughputCase(String label, String description, @Nullable String baseline, double medianPerSecond, double minPerSecond,
			double maxPerSecond, double medianAllocatedBytesPerMessage, double medianCpuMicrosPerMessage,
			double medianServerCpuMicrosPerMessage, double medianIdleShare, double medianPeakHeapBytes,
			double medianHeapBeforeBytes, double medianHeapAfterBytes, List<ThroughputRound> rounds) {

		static ThroughputCase of(String label, String description, String baseline, List<ThroughputRound> rounds) {
			return new ThroughputCase(label, description, baseline, median(rounds, ThroughputRound::perSecond),
					rounds.stream().mapToDouble(ThroughputRound::perSecond).min().orElse(Double.NaN),
					rounds.stream().mapToDouble(ThroughputRound::perSecond).max().orElse(Double.NaN),
					median(rounds, ThroughputRound::allocatedBytesPerMessage),
					median(rounds, ThroughputRound::cpuMicrosPerMessage),
					median(rounds, ThroughputRound::serverCpuMicrosPerMessage), median(rounds, ThroughputRound::idleShare),
					median(rounds, (r) -> r.peakHeapBytes()), median(rounds, (r) -> r.heapBeforeBytes()),
					median(rounds, (r) -> r.heapAfterBytes()), rounds);
		}

	}

	/**
	 * One latency round.
	 *
	 * @param p50Micros median
	 * @param p99Micros 99th percentile
	 * @param p999Micros 99.9th percentile
	 * @param maxMicros maximum
	 * @param recorded messages recorded (after the warm-up)
	 * @param published messages published
	 * @param complete whether every message was handled
	 */
	record LatencyRound(double p50Micros, double p99Micros, double p999Micros, double maxMicros, long recorded,
			long published, boolean complete) {
	}

	/**
	 * Latency over all rounds of one consumer: the median of each percentile.
	 *
	 * @param name raw or starter
	 * @param description what consumes
	 * @param p50Micros median of the rounds' medians
	 * @param p99Micros median of the rounds' 99th percentiles
	 * @param p999Micros median of the rounds' 99.9th percentiles
	 * @param maxMicros median of the rounds' maxima
	 * @param rounds the rounds
	 */
	record LatencyCase(String name, String description, double p50Micros, double p99Micros, double p999Micros,
			double maxMicros, List<LatencyRound> rounds) {

		static LatencyCase of(String name, String description, List<LatencyRound> rounds) {
			return new LatencyCase(name, description, median(rounds, LatencyRound::p50Micros),
					median(rounds, LatencyRound::p99Micros), median(rounds, LatencyRound::p999Micros),
					median(rounds, LatencyRound::maxMicros), rounds);
		}

	}

	/**
	 * One application start.
	 *
	 * @param name which application
	 * @param millis from {@code SpringApplication.run} until it returned
	 * @param apiRequests JetStream API requests seen on {@code $JS.API.>}, pulls excepted
	 * @param apiWrites those that create, update or delete
	 * @param jszApiRequests the server's own count ({@code /jsz} {@code api.total})
	 * @param requestsByKind the requests by kind, pulls included
	 * @param heapAfterGcBytes live heap (class histogram total, after a full collection)
	 * with the context open
	 * @param threads live threads with the context open
	 * @param idleCpu CPU time of this process per second of wall time, with the context
	 * open and idle (1.0 is one core)
	 * @param idleAllocatedBytesPerSecond heap allocated per second with the context open
	 * and idle
	 * @param closeMillis how long closing the context took
	 */
	record ContextStart(String name, long millis, long apiRequests, long apiWrites, long jszApiRequests,
			Map<String, Long> requestsByKind, long heapAfterGcBytes, int threads, double idleCpu,
			double idleAllocatedBytesPerSecond, double closeMillis) {
	}

	/**
	 * Startup and idle memory.
	 *
	 * @param medians the median of each figure by application
	 * @param handlersAddMillis what the handlers add to a first start: the first start with
	 * streams and handlers less the first start with the streams only
	 * @param restartApiRequests API requests of the unchanged restart (median)
	 * @param restartApiWrites writes of the unchanged restart (maximum over rounds)
	 * @param heapPerIdleHandlerBytes heap retained per idle handler
	 * @param threadsPerHandler threads per idle handler
	 * @param starts every start
	 */
	record Startup(Map<String, Map<String, Double>> medians, double handlersAddMillis, double restartApiRequests,
			long restartApiWrites, double heapPerIdleHandlerBytes, double threadsPerHandler,
			Map<String, List<ContextStart>> starts) {

		static final String EMPTY = "empty";

		static final String STREAMS = "20 streams, first start";

		static final String FIRST = "20 streams + 50 handlers, first start";

		static final String RESTART = "20 streams + 50 handlers, unchanged restart";

		static Startup of(Map<String, List<ContextStart>> starts, int handlers) {
			Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
			starts.forEach((name, list) -> {
				Map<String, Double> figures = new LinkedHashMap<>();
				figures.put("millis", median(list, (s) -> s.millis()));
				figures.put("apiRequests", median(list, (s) -> s.apiRequests()));
				figures.put("apiWrites", median(list, (s) -> s.apiWrites()));
				figures.put("jszApiRequests", median(list, (s) -> s.jszApiRequests()));
				figures.put("heapAfterGcBytes", median(list, (s) -> s.heapAfterGcBytes()));
				figures.put("threads", median(list, (s) -> s.threads()));
				figures.put("idleCpu", median(list, ContextStart::idleCpu));
				figures.put("idleAllocatedBytesPerSecond", median(list, ContextStart::idleAllocatedBytesPerSecond));
				figures.put("closeMillis", median(list, ContextStart::closeMillis));
				medians.put(name, figures);
			});
			double handlersAdd = medians.get(FIRST).get("millis") - medians.get(STREAMS).get("millis");
			long restartWrites = starts.get(RESTART).stream().mapToLong(ContextStart::apiWrites).max().orElse(-1);
			List<Double> heapPerHandler = new ArrayList<>();
			List<Double> threadsPerHandler = new ArrayList<>();
			List<ContextStart> streamsOnly = starts.get(STREAMS);
			List<ContextStart> restarts = starts.get(RESTART);
			for (int i = 0; i < Math.min(streamsOnly.size(), restarts.size()); i++) {
				heapPerHandler.add((double) (restarts.get(i).heapAfterGcBytes() - streamsOnly.get(i).heapAfterGcBytes())
						/ handlers);
				threadsPerHandler.add((double) (restarts.get(i).threads() - streamsOnly.get(i).threads()) / handlers);
			}
			return new Startup(medians, handlersAdd, medians.get(RESTART).get("apiRequests"), restartWrites,
					Stats.median(heapPerHandler), Stats.median(threadsPerHandler), starts);
		}

	}

	/**
	 * One application of the scale case, restarted unchanged and measured idle.
	 *
	 * @param handlers its idle handlers
	 * @param virtualThreads whether {@code spring.threads.virtual.enabled} was set
	 * @param firstStartMillis how long {@code SpringApplication.run} took against a server
	 * without its streams (with platform threads)
	 * @param startMillis how long {@code SpringApplication.run} took on the unchanged
	 * restart
	 * @param uptimeMillis the JVM's uptime when {@code SpringApplication.run} returned
	 * @param apiRequests JetStream API requests of the restart, pulls excepted
	 * @param apiWrites those that create, update or delete
	 * @param requestsByKind the restart's requests by kind, pulls included
	 * @param idleCpu CPU time of the process per second of wall time while idle (1.0 is one
	 * core)
	 * @param idleAllocatedBytesPerSecond heap allocated per second while idle
	 * @param idleRequestsPerSecond JetStream API requests per second while idle, by kind,
	 * pulls included
	 * @param serverIdleCpu CPU time of {@code nats-server} per second while the
	 * application idled (1.0 is one core)
	 * @param threads live platform threads while idle
	 * @param heapBytes live heap (class histogram total) while idle
	 * @param closeMillis how long closing the context took
	 * @param idleJitMillis time the JIT compilers spent in the idle window (compiling what
	 * idle handlers run now and then, after the startup's compilations have ended)
	 * @param idleCpuByThreads CPU time per second while idle by Java thread, digits in
	 * their names replaced by {@code N} (virtual threads count with their carriers; the
	 * JVM's own threads, GC and JIT, are not Java threads), those above 0.05%
	 * @param heapPerHandlerBytes live heap less that of the application without handlers
	 * in the same threading mode, per handler
	 * @param threadsPerHandler live platform threads less those of the application without
	 * handlers in the same threading mode, per handler
	 * @param busy the busy handler beside the idle ones, after the idle window, or
	 * {@code null} when not measured
	 */
	record ScalePoint(int handlers, boolean virtualThreads, double firstStartMillis, double startMillis,
			double uptimeMillis, long apiRequests, long apiWrites, Map<String, Long> requestsByKind, double idleCpu,
			double idleAllocatedBytesPerSecond, Map<String, Double> idleRequestsPerSecond, double serverIdleCpu,
			int threads, long heapBytes, double closeMillis, double idleJitMillis,
			@Nullable Map<String, Double> idleCpuByThreads,
			double heapPerHandlerBytes, double threadsPerHandler, @Nullable ScaleBusy busy) {

		ScalePoint relativeTo(ScalePoint base) {
			ScaleBusy baseBusy = base.busy;
			return new ScalePoint(this.handlers, this.virtualThreads, this.firstStartMillis, this.startMillis,
					this.uptimeMillis, this.apiRequests, this.apiWrites, this.requestsByKind, this.idleCpu,
					this.idleAllocatedBytesPerSecond, this.idleRequestsPerSecond, this.serverIdleCpu, this.threads,
					this.heapBytes, this.closeMillis, this.idleJitMillis, this.idleCpuByThreads,
					(this.handlers > 0) ? (double) (this.heapBytes - base.heapBytes) / this.handlers : Double.NaN,
					(this.handlers > 0) ? (double) (this.threads - base.threads) / this.handlers : Double.NaN,
					(this.busy != null && baseBusy != null) ? this.busy.relativeTo(baseBusy) : this.busy);
		}

		double idleRequestsPerSecondTotal() {
			return this.idleRequestsPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
		}

	}

	/**
	 * The scale case's busy handler, measured after the idle window while the application's
	 * idle handlers go on idling: first its throughput on pre-published messages, in
	 * rounds, then its publish-to-handler latency at a fixed rate. The ratios are against
	 * the application without idle handlers in the same threading mode (1 for that
	 * application itself): against the one measured in turn with this one, where there is
	 * one ({@code beside}; the throughput ratio is then the median of the ratios of the
	 * rounds taken in turn), else against that application's own figures.
	 *
	 * @param messages the messages of each throughput round
	 * @param perSecondRounds each round's messages handled per second, from the first
	 * handled to the last
	 * @param perSecond the median of the rounds
	 * @param latencyMessages the messages of the latency phase, published one at a time
	 * @param latencyRate their rate, messages per second
	 * @param p50Micros median latency
	 * @param p90Micros 90th percentile latency
	 * @param p99Micros 99th percentile latency
	 * @param p999Micros 99.9th percentile latency
	 * @param maxMicros highest latency
	 * @param perSecondRatio throughput against the application without idle handlers
	 * @param p50Ratio median latency against the application without idle handlers
	 * @param p99Ratio 99th percentile latency against the application without idle
	 * handlers
	 * @param beside the busy handler of an application without idle handlers, measured in
	 * turn with this one, or {@code null}
	 */
	record ScaleBusy(long messages, List<Double> perSecondRounds, double perSecond, long latencyMessages,
			int latencyRate, double p50Micros, double p90Micros, double p99Micros, double p999Micros,
			double maxMicros, double perSecondRatio, double p50Ratio, double p99Ratio, @Nullable ScaleBusy beside) {

		static ScaleBusy of(long messages, List<Double> perSecondRounds, long latencyMessages, int latencyRate,
				double p50Micros, double p90Micros, double p99Micros, double p999Micros, double maxMicros) {
			return new ScaleBusy(messages, perSecondRounds, Stats.median(perSecondRounds), latencyMessages,
					latencyRate, p50Micros, p90Micros, p99Micros, p999Micros, maxMicros, 1, 1, 1, null);
		}

		ScaleBusy beside(ScaleBusy besideBusy) {
			return new ScaleBusy(this.messages, this.perSecondRounds, this.perSecond, this.latencyMessages,
					this.latencyRate, this.p50Micros, this.p90Micros, this.p99Micros, this.p999Micros, this.maxMicros,
					this.perSecondRatio, this.p50Ratio, this.p99Ratio, besideBusy);
		}

		/**
		 * Return what this busy handler is judged against: the application measured in turn
		 * with it, else the application without idle handlers in the same threading mode.
		 * @param base the application without idle handlers
		 * @return the busy handler to compare with
		 */
		ScaleBusy reference(ScaleBusy base) {
			return (this.beside != null) ? this.beside : base;
		}

		ScaleBusy relativeTo(ScaleBusy base) {
			ScaleBusy reference = reference(base);
			double perSecondRatio = (this.beside != null) ? Stats.median(ratios(this.perSecondRounds,
					this.beside.perSecondRounds)) : this.perSecond / base.perSecond;
			return new ScaleBusy(this.messages, this.perSecondRounds, this.perSecond, this.latencyMessages,
					this.latencyRate, this.p50Micros, this.p90Micros, this.p99Micros, this.p999Micros, this.maxMicros,
					perSecondRatio, this.p50Micros / reference.p50Micros, this.p99Micros / reference.p99Micros,
					this.beside);
		}

		private static List<Double> ratios(List<Double> rounds, List<Double> references) {
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < Math.min(rounds.size(), references.size()); i++) {
				ratios.add(rounds.get(i) / references.get(i));
			}
			return ratios;
		}

	}

	/**
	 * The scale case.
	 *
	 * @param java the {@code java} the applications ran with
	 * @param idleSeconds how long each was measured idle
	 * @param points each application, with and without virtual threads
	 */
	record Scale(String java, double idleSeconds, List<ScalePoint> points) {

		static Scale of(String java, double idleSeconds, List<ScalePoint> measured) {
			List<ScalePoint> points = new ArrayList<>();
			for (ScalePoint point : measured) {
				ScalePoint base = measured.stream()
					.filter((p) -> p.handlers() == 0 && p.virtualThreads() == point.virtualThreads())
					.findFirst()
					.orElse(null);
				points.add((base != null) ? point.relativeTo(base) : point);
			}
			return new Scale(java, idleSeconds, points);
		}

		@Nullable ScalePoint point(int handlers, boolean virtualThreads) {
			return this.points.stream()
				.filter((p) -> p.handlers() == handlers && p.virtualThreads() == virtualThreads)
				.findFirst()
				.orElse(null);
		}

		int maxHandlers() {
			return this.points.stream().mapToInt(ScalePoint::handlers).max().orElse(0);
		}

	}

	/**
	 * One of the targets.
	 *
	 * @param name what is measured
	 * @param target the target, in words
	 * @param measured the measured value, in words
	 * @param met whether it is met, {@code null} when not measured in this run
	 */
	record Target(String name, String target, String measured, @Nullable Boolean met) {
	}

	static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
		return Stats.median(values.stream().map(figure::applyAsDouble).toList());
	}

}

package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.benchmarks.Report.ThroughputCase;
import io.github.natsjetstream.benchmarks.Report.ThroughputRound;
import io.github.natsjetstream.benchmarks.experiment.DirectPayloadInvoker;
import io.github.natsjetstream.benchmarks.experiment.ExperimentalContainer;
import io.github.natsjetstream.benchmarks.experiment.ExperimentalContainer.Variant;
import io.github.natsjetstream.config.HandlerInvoker;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.Assert;

/**
 * Consume throughput: each round pre-publishes the messages to a fresh stream, then times
 * one consumer from creating its durable until it has handled every message. The cases run
 * in turn within each round, so that drift in the machine's load spreads over all of them.
 */
final class ThroughputBenchmark {

	private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(2);

	/**
	 * The longest to wait, before the clock starts, for the JIT compilers to finish
	 * compiling the setup (most of all the starter's application context).
	 */
	private static final Duration COMPILATION_QUIET_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * What consumes.
	 */
	enum Case {

		RAW("a", "raw jnats consume() + Jackson + ack()", 0, null),

		CEILING("s", "raw jnats consume() + ack(), no decoding: the ceiling of server and client here", 0, null),

		CEILING_PARALLEL("s4",
				"four raw jnats consume() + ack() loops on the durable, a connection each, no decoding: the ceiling of parallel consumers here",
				0, null),

		EXPERIMENT_RAW_HANDOFF("e17", "experiment: raw consume() handing each message to four threads that decode and ack",
				0, null),

		LARGE_RAW("la", "raw jnats consume() + Jackson + ack(), ~2 KB records (decoding sets the pace)", 0, null),

		LARGE_CONCURRENT("lc", "@NatsHandler method taking the ~2 KB record, concurrency 4", 4, null),

		HANDLER("b", "@NatsHandler method taking the record, concurrency 1", 1, null),

		FETCH_RAW("fa", "raw jnats fetch(100) + Jackson + ack() loop", 0, null),

		BATCH("bb", "@NatsHandler method taking List<Order>, batches of 100, concurrency 1", 1, null),

		HANDLER_CONCURRENT("c", "@NatsHandler method taking the record, concurrency 4", 4, null),

		ROUTING("d", "class-level @NatsHandler routing over 10 @NatsRoute methods, concurrency 1", 1, null),

		HANDLER_METRICS("bm", "(b) with Actuator, a Prometheus registry and metrics on", 1, null),

		ROUTING_METRICS("dm", "(d) with Actuator, a Prometheus registry and metrics on", 1, null),

		EXPERIMENT_CACHED_TIMERS("e18",
				"experiment: (bm) with a meter observation handler of cached timers ahead of Spring Boot's", 1, null),

		EXPERIMENT_FETCH("e1", "experiment: (b) in the cut-down container, as the library (control)", 1,
				Variant.FETCH),

		EXPERIMENT_ITERATE("e2", "experiment: (b) with iterate() instead of fetch()", 1, Variant.ITERATE),

		EXPERIMENT_ITERATE_MINIMAL("e3", "experiment: (b) with iterate() and minimal headers", 1,
				Variant.ITERATE_MINIMAL_HEADERS),

		EXPERIMENT_FETCH_MINIMAL("e4", "experiment: (b) with fetch() and minimal headers", 1,
				Variant.FETCH_MINIMAL_HEADERS),

		EXPERIMENT_ITERATE_CONCURRENT("e5", "experiment: (c) with iterate() instead of fetch()", 4, Variant.ITERATE),

		EXPERIMENT_ROUTING_ITERATE("e6", "experiment: (d) with iterate() instead of fetch()", 1, Variant.ITERATE),

		EXPERIMENT_PIPELINED("e7", "experiment: (b) with the next fetch started before handling the current one", 1,
				Variant.FETCH_PIPELINED),

		EXPERIMENT_PIPELINED_CONCURRENT("e8", "experiment: (c) with pipelined fetches", 4, Variant.FETCH_PIPELINED),

		EXPERIMENT_ROUTING_PIPELINED("e9", "experiment: (d) with pipelined fetches", 1, Variant.FETCH_PIPELINED),

		EXPERIMENT_PIPELINED_MINIMAL("e10", "experiment: (b) with pipelined fetches and minimal headers", 1,
				Variant.FETCH_PIPELINED_MINIMAL_HEADERS),

		EXPERIMENT_PIPELINED_MINIMAL_DIRECT("e11",
				"experiment: (b) with pipelined fetches, minimal headers and direct payload invocation", 1,
				Variant.FETCH_PIPELINED_MINIMAL_HEADERS),

		EXPERIMENT_FETCH_DIRECT("e12", "experiment: (b) with direct payload invocation", 1, Variant.FETCH),

		EXPERIMENT_FETCH_HALF("e13", "experiment: (b) with the next fetch requested at half a batch (as the library)",
				1, Variant.FETCH_HALF),

		EXPERIMENT_ITERATE_MINIMAL_DIRECT("e14",
				"experiment: (b) with iterate(), minimal headers and direct payload invocation", 1,
				Variant.ITERATE_MINIMAL_HEADERS),

		EXPERIMENT_ITERATE_256("e15", "experiment: (b) with iterate() and batches of 256, the library's cap", 1,
				Variant.ITERATE_BATCH_256),

		EXPERIMENT_ITERATE_500("e16", "experiment: (b) with iterate() and batches of 500, jnats' default", 1,
				Variant.ITERATE_BATCH_500);

		/** The cases of the issue, run by default. */
		static final List<Case> STANDARD = List.of(RAW, HANDLER, HANDLER_CONCURRENT, ROUTING, HANDLER_METRICS,
				ROUTING_METRICS, CEILING, CEILING_PARALLEL, LARGE_RAW, LARGE_CONCURRENT, FETCH_RAW, BATCH);

		final String label;

		final String description;

		final int concurrency;

		final @Nullable Variant variant;

		Case(String label, String description, int concurrency, @Nullable Variant variant) {
			this.label = label;
			this.description = description;
			this.concurrency = concurrency;
			this.variant = variant;
		}

		boolean directInvocation() {
			return this == EXPERIMENT_PIPELINED_MINIMAL_DIRECT || this == EXPERIMENT_FETCH_DIRECT
					|| this == EXPERIMENT_ITERATE_MINIMAL_DIRECT;
		}

		/**
		 * Return whether the raw jnats loop consumes, rather than the starter.
		 */
		boolean raw() {
			return this == RAW || this == CEILING || this == LARGE_RAW || this == CEILING_PARALLEL
					|| this == EXPERIMENT_RAW_HANDOFF || this == FETCH_RAW;
		}

		/**
		 * Return whether the raw loop decodes each message.
		 */
		boolean decodes() {
			return this != CEILING && this != CEILING_PARALLEL;
		}

		/**
		 * Return how many raw loops consume the durable in parallel.
		 */
		int rawLoops() {
			return (this == CEILING_PARALLEL) ? 4 : 1;
		}

		/**
		 * Return how many threads a raw loop hands its messages to, or 0 to handle them
		 * itself.
		 */
		int handoffThreads() {
			return (this == EXPERIMENT_RAW_HANDOFF) ? 4 : 0;
		}

		/**
		 * Return whether the messages carry {@link LargeOrder large orders}.
		 */
		boolean large() {
			return this == LARGE_RAW || this == LARGE_CONCURRENT;
		}

		/**
		 * Return the label of the raw case this one is compared with.
		 */
		String baseline() {
			return large() ? LARGE_RAW.label : (this == BATCH) ? FETCH_RAW.label : RAW.label;
		}

		/**
		 * Return how many messages the raw loop fetches at a time, or 0 for
		 * {@code consume()}.
		 */
		int fetchSize() {
			return (this == FETCH_RAW) ? 100 : 0;
		}

		boolean routing() {
			return this == ROUTING || this == ROUTING_METRICS || this == EXPERIMENT_ROUTING_ITERATE
					|| this == EXPERIMENT_ROUTING_PIPELINED;
		}

		/**
		 * Return whether the application runs with Actuator, a Prometheus registry and
		 * metrics on.
		 */
		boolean metrics() {
			return this == HANDLER_METRICS || this == ROUTING_METRICS || this == EXPERIMENT_CACHED_TIMERS;
		}

	}

	private final BenchmarkOptions options;

	private final JetStreamFixture fixture;

	private final StarterContexts contexts;

	private final MessageSink sink;

	private final JsonMapper mapper;

	private final String url;

	private int sequence;

	ThroughputBenchmark(BenchmarkOptions options, JetStreamFixture fixture, StarterContexts contexts,
			MessageSink sink, JsonMapper mapper, String url) {
		this.options = options;
		this.fixture = fixture;
		this.contexts = contexts;
		this.sink = sink;
		this.mapper = mapper;
		this.url = url;
	}

	List<ThroughputCase> run() throws Exception {
		List<Case> cases = this.options.throughputCases();
		for (int r = 0; r < this.options.warmUpRounds(); r++) {
			for (Case c : cases) {
				ThroughputRound warmUp = round(c);
				log("warm-up", c, warmUp);
			}
		}
		Map<Case, List<ThroughputRound>> rounds = new EnumMap<>(Case.class);
		for (int r = 0; r < this.options.rounds(); r++) {
			for (int i = 0; i < cases.size(); i++) {
				Case c = cases.get((r + i) % cases.size());
				ThroughputRound round = round(c);
				log("round " + (r + 1), c, round);
				rounds.computeIfAbsent(c, (k) -> new ArrayList<>()).add(round);
			}
		}
		List<ThroughputCase> results = new ArrayList<>();
		for (Case c : cases) {
			results.add(ThroughputCase.of(c.label, c.description, c.baseline(), rounds.get(c)));
		}
		return results;
	}

	private ThroughputRound round(Case c) throws Exception {
		// Large orders are ten times the size: a quarter as many keep the rounds short.
		int n = c.large() ? Math.max(1, this.options.messages() / 4) : this.options.messages();
		int seq = ++this.sequence;
		String stream = "TP_" + seq;
		String prefix = "tp." + seq;
		this.fixture.createStream(stream, prefix + ".>");
		int payloadBytes = this.fixture.prePublish(prefix, n, c.large());
		this.sink.reset(n);
		RawConsumer raw = null;
		ConfigurableApplicationContext context = null;
		try {
			if (c.raw()) {
				raw = new RawConsumer(this.url, this.mapper, this.sink, c.decodes(), c.large(), c.rawLoops(),
						c.handoffThreads(), c.fetchSize());
			}
			else {
				context = this.contexts.run(Map.of("bench.subjects", prefix + ".>", "bench.prefix", prefix,
						"bench.auto-startup", "false", "nats.jetstream.consumer-defaults.concurrency", c.concurrency,
						StarterContexts.METRICS, c.metrics()),
						(c == Case.EXPERIMENT_CACHED_TIMERS)
								? new Class<?>[] { StarterContexts.MethodHandlerConfiguration.class,
										StarterContexts.CachedTimerConfiguration.class }
								: new Class<?>[] { c.routing() ? StarterContexts.RoutingHandlerConfiguration.class
										: c.large() ? StarterContexts.LargeOrderHandlerConfiguration.class
												: (c == Case.BATCH) ? StarterContexts.BatchHandlerConfiguration.class
														: StarterContexts.MethodHandlerConfiguration.class });
			}
			if (context != null) {
				StarterContexts.checkObservability(context, c.metrics());
			}
			ExperimentalContainer experiment = null;
			if (context != null && c.variant != null) {
				HandlerInvoker direct = c.directInvocation()
						? new DirectPayloadInvoker(context.getBean(ThroughputHandler.class),
								ThroughputHandler.class.getDeclaredMethod("on", Order.class),
								context.getBean(NatsHandlerAutoConfiguration.MESSAGE_CONVERTER_BEAN_NAME,
										MessageConverter.class))
						: null;
				experiment = new ExperimentalContainer(StarterContexts.benchContainer(context).getEndpoint(),
						context.getBean(Connection.class), context.getBean(JetStreamManagement.class), c.variant,
						direct);
			}
			long heapBefore = HeapProbe.liveBytes();
			MachineProbe.awaitCompilationQuiet(COMPILATION_QUIET_TIMEOUT);
			MachineReading before = MachineReading.take();
			long elapsed;
			boolean complete;
			MachineReading after;
			long peak;
			try (HeapProbe.PeakSampler sampler = new HeapProbe.PeakSampler()) {
				long start = System.nanoTime();
				if (raw != null) {
					raw.start(stream, prefix + ".>");
				}
				else if (experiment != null) {
					experiment.start(stream);
				}
				else {
					StarterContexts.benchContainer(context).start();
				}
				complete = this.sink.await(ROUND_TIMEOUT);
				elapsed = System.nanoTime() - start;
				after = MachineReading.take();
				sampler.close();
				peak = sampler.peak();
			}
			MachineReading.Usage used = after.since(before);
			long redelivered = this.fixture.redelivered(stream, (raw != null) ? RawConsumer.DURABLE : "bench");
			long heapAfter = HeapProbe.liveBytes();
			if (experiment != null) {
				experiment.stop();
			}
			long handled = this.sink.count();
			if (context != null && c.metrics()) {
				checkTimed(context, handled);
			}
			double perSecond = handled / (elapsed / 1e9);
			return new ThroughputRound(perSecond, elapsed / 1_000_000.0, complete, handled, payloadBytes,
					(double) used.allocatedBytes() / Math.max(1, handled),
					used.processCpuNanos() / 1000.0 / Math.max(1, handled),
					(used.serverCpuNanos() >= 0) ? used.serverCpuNanos() / 1000.0 / Math.max(1, handled) : Double.NaN,
					used.idleShare(), used.compilationMillis(),
					MachineReading.Usage.busyThreads(used.cpuByThread(), elapsed), redelivered, heapBefore, heapAfter,
					peak, used.collections());
		}
		finally {
			if (raw != null) {
				raw.close();
			}
			if (context != null) {
				context.close();
			}
			this.fixture.deleteStream(stream);
		}
	}

	/**
	 * Check that the metrics were on: the {@code nats.handler} timers counted every
	 * message, once the last observation has stopped (just after its acknowledgement).
	 */
	private static void checkTimed(ConfigurableApplicationContext context, long handled) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		long timed = StarterContexts.handlerTimerCount(context);
		while (timed < handled && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			timed = StarterContexts.handlerTimerCount(context);
		}
		long counted = timed;
		Assert.state(counted >= handled,
				() -> "The nats.handler timers counted " + counted + " of " + handled + " messages");
	}

	private static void log(String round, Case c, ThroughputRound result) {
		System.out.printf(
				"throughput %-9s (%s) %,10.0f msg/s  %,8.1f B/msg  %5.2f us CPU/msg  server %5.2f us/msg  idle %3.0f%%  JIT %4d ms  busy %s%s%s%n",
				round, c.label, result.perSecond(), result.allocatedBytesPerMessage(), result.cpuMicrosPerMessage(),
				result.serverCpuMicrosPerMessage(), result.idleShare() * 100, result.compilationMillis(),
				result.threadBusy(), (result.redelivered() > 0) ? " REDELIVERED " + result.redelivered() : "",
				result.complete() ? "" : " INCOMPLETE " + result.handled());
	}

}

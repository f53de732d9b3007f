package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsjetstream.benchmarks.Report.ThroughputCase;
import io.github.natsjetstream.benchmarks.Report.ThroughputRound;
import io.github.natsjetstream.core.JetStreamTemplate;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.Assert;

/**
 * Publish throughput: each round times one publisher from its first publish until the
 * stream has acknowledged the last message, raw jnats against the
 * {@link JetStreamTemplate}, synchronously and asynchronously. The cases take turns
 * within each round, as in {@link ThroughputBenchmark}.
 */
final class PublishBenchmark {

	private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration COMPILATION_QUIET_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Asynchronous publishes awaiting acknowledgement in the raw loop: the template's
	 * default {@code max-in-flight}.
	 */
	private static final int RAW_MAX_IN_FLIGHT = JetStreamTemplate.DEFAULT_MAX_IN_FLIGHT;

	/**
	 * Synchronous rounds publish this fraction of the messages: each waits for its
	 * acknowledgement.
	 */
	private static final int SYNC_DIVISOR = 10;

	/**
	 * Each publisher's first messages, not timed, as a share of the round's: a fresh
	 * connection or template takes some paths once (its first request, its first
	 * acknowledgement timeout), which deoptimizes code compiled in earlier rounds; the
	 * recompilation belongs before the clock, with the rest of the JIT compilers' work.
	 */
	private static final int WARM_UP_DIVISOR = 20;

	/**
	 * What publishes.
	 */
	enum Case {

		RAW_SYNC("p", "raw jnats JetStream.publish() of the record serialized by hand", null, false, false),

		TEMPLATE_SYNC("t", "JetStreamTemplate.publish() of the record", "p", true, false),

		RAW_ASYNC("pa", "raw jnats JetStream.publishAsync() of the record serialized by hand, at most "
				+ RAW_MAX_IN_FLIGHT + " unacknowledged (a Semaphore)", null, false, true),

		/**
		 * (pa) with the {@code Content-Type} header that the template sends: what the
		 * header alone costs, the server's part of it included. Not a target.
		 */
		RAW_ASYNC_HEADER("pah", "(pa) with the template's Content-Type header (one shared read-only Headers)", "pa",
				false, true),

		TEMPLATE_ASYNC("ta", "JetStreamTemplate.publishAsync() of the record (max-in-flight " + RAW_MAX_IN_FLIGHT + ")",
				"pa", true, true);

		/** The cases of the issue, run by default. */
		static final List<Case> STANDARD = List.of(RAW_SYNC, TEMPLATE_SYNC, RAW_ASYNC, RAW_ASYNC_HEADER,
				TEMPLATE_ASYNC);

		final String label;

		final String description;

		final @Nullable String baseline;

		final boolean template;

		final boolean async;

		Case(String label, String description, @Nullable String baseline, boolean template, boolean async) {
			this.label = label;
			this.description = description;
			this.baseline = baseline;
			this.template = template;
			this.async = async;
		}

	}

	private final BenchmarkOptions options;

	private final JetStreamFixture fixture;

	private final StarterContexts contexts;

	private final JsonMapper mapper;

	private final String url;

	private int sequence;

	PublishBenchmark(BenchmarkOptions options, JetStreamFixture fixture, StarterContexts contexts, JsonMapper mapper,
			String url) {
		this.options = options;
		this.fixture = fixture;
		this.contexts = contexts;
		this.mapper = mapper;
		this.url = url;
	}

	List<ThroughputCase> run() throws Exception {
		List<Case> cases = Case.STANDARD;
		for (int r = 0; r < this.options.warmUpRounds(); r++) {
			for (Case c : cases) {
				log("warm-up", c, round(c));
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
			results.add(ThroughputCase.of(c.label, c.description, (c.baseline != null) ? c.baseline : c.label,
					rounds.get(c)));
		}
		return results;
	}

	private ThroughputRound round(Case c) throws Exception {
		int n = c.async ? this.options.messages() : Math.max(1, this.options.messages() / SYNC_DIVISOR);
		int seq = ++this.sequence;
		String stream = "PB_" + seq;
		String prefix = "pb." + seq;
		String[] subjects = new String[JetStreamFixture.ROUTES];
		for (int i = 0; i < subjects.length; i++) {
			subjects[i] = prefix + ".r" + i;
		}
		this.fixture.createStream(stream, prefix + ".>");
		Connection connection = null;
		ConfigurableApplicationContext context = null;
		try {
			Publisher publisher;
			if (c.template) {
				context = this.contexts.run(Map.of());
				publisher = templatePublisher(context.getBean(JetStreamTemplate.class), c.async);
			}
			else {
				connection = Nats.connect(new Options.Builder().server(this.url).connectionName("bench-raw").build());
				publisher = rawPublisher(connection.jetStream(), c.async, c == Case.RAW_ASYNC_HEADER);
			}
			int warmUp = Math.max(1, n / WARM_UP_DIVISOR);
			Assert.state(publisher.publish(subjects, warmUp) == warmUp, "Warm-up publishes not acknowledged");
			int payloadBytes = this.mapper.writeValueAsBytes(Order.numbered(0, 0)).length;
			long heapBefore = HeapProbe.liveBytes();
			MachineProbe.awaitCompilationQuiet(COMPILATION_QUIET_TIMEOUT);
			long compilationBefore = MachineProbe.compilationMillis();
			long gcBefore = HeapProbe.gcCount();
			Map<Long, Long> allocatedBefore = HeapProbe.allocatedByThread();
			Map<String, Long> cpuBefore = HeapProbe.cpuByThread();
			long processCpuBefore = HeapProbe.processCpuNanos();
			long serverCpuBefore = MachineProbe.serverCpuNanos();
			long @Nullable [] ticksBefore = MachineProbe.machineTicks();
			long elapsed;
			long acknowledged;
			long peak;
			try (HeapProbe.PeakSampler sampler = new HeapProbe.PeakSampler()) {
				long start = System.nanoTime();
				acknowledged = publisher.publish(subjects, n);
				elapsed = System.nanoTime() - start;
				sampler.close();
				peak = sampler.peak();
			}
			long processCpu = HeapProbe.processCpuNanos() - processCpuBefore;
			long serverCpu = MachineProbe.serverCpuNanos() - serverCpuBefore;
			long compilation = MachineProbe.compilationMillis() - compilationBefore;
			double idle = MachineProbe.idleShare(ticksBefore, MachineProbe.machineTicks());
			Map<Long, Long> allocatedAfter = HeapProbe.allocatedByThread();
			Map<String, Long> cpuAfter = HeapProbe.cpuByThread();
			long stored = this.fixture.management().getStreamInfo(stream).getStreamState().getMsgCount();
			long heapAfter = HeapProbe.liveBytes();
			double perSecond = acknowledged / (elapsed / 1e9);
			long allocated = HeapProbe.allocatedBetween(allocatedBefore, allocatedAfter);
			Map<String, Double> busy = new TreeMap<>();
			cpuAfter.forEach((name, nanos) -> {
				double share = (double) (nanos - cpuBefore.getOrDefault(name, 0L)) / elapsed;
				if (share >= 0.05) {
					busy.put(name, Math.round(share * 1000) / 1000.0);
				}
			});
			return new ThroughputRound(perSecond, elapsed / 1_000_000.0, acknowledged == n && stored == warmUp + n,
					acknowledged, payloadBytes, (double) allocated / Math.max(1, acknowledged),
					processCpu / 1000.0 / Math.max(1, acknowledged),
					(serverCpuBefore >= 0) ? serverCpu / 1000.0 / Math.max(1, acknowledged) : Double.NaN, idle,
					compilation, busy, 0, heapBefore, heapAfter, peak, HeapProbe.gcCount() - gcBefore);
		}
		finally {
			if (connection != null) {
				connection.close();
			}
			if (context != null) {
				context.close();
			}
			this.fixture.deleteStream(stream);
		}
	}

	/**
	 * The raw loop: what an application writes by hand with jnats.
	 */
	private Publisher rawPublisher(JetStream jetStream, boolean async, boolean contentType) {
		if (!async) {
			return (subjects, n) -> {
				for (int i = 0; i < n; i++) {
					jetStream.publish(subjects[i % subjects.length],
							this.mapper.writeValueAsBytes(Order.numbered(i, 0)));
				}
				return n;
			};
		}
		Headers headers = contentType ? new Headers(new Headers().put("Content-Type", "application/json"), true) : null;
		return (subjects, n) -> {
			Semaphore inFlight = new Semaphore(RAW_MAX_IN_FLIGHT);
			CountDownLatch done = new CountDownLatch(n);
			AtomicLong acknowledged = new AtomicLong();
			for (int i = 0; i < n; i++) {
				inFlight.acquire();
				jetStream
					.publishAsync(subjects[i % subjects.length], headers,
							this.mapper.writeValueAsBytes(Order.numbered(i, 0)))
					.whenComplete((ack, ex) -> {
						inFlight.release();
						if (ex == null) {
							acknowledged.incrementAndGet();
						}
						done.countDown();
					});
			}
			done.await(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return acknowledged.get();
		};
	}

	private static Publisher templatePublisher(JetStreamTemplate template, boolean async) {
		if (!async) {
			return (subjects, n) -> {
				for (int i = 0; i < n; i++) {
					template.publish(subjects[i % subjects.length], Order.numbered(i, 0));
				}
				return n;
			};
		}
		return (subjects, n) -> {
			CountDownLatch done = new CountDownLatch(n);
			AtomicLong acknowledged = new AtomicLong();
			for (int i = 0; i < n; i++) {
				template.publishAsync(subjects[i % subjects.length], Order.numbered(i, 0)).whenComplete((ack, ex) -> {
					if (ex == null) {
						acknowledged.incrementAndGet();
					}
					done.countDown();
				});
			}
			done.await(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return acknowledged.get();
		};
	}

	private static void log(String round, Case c, ThroughputRound result) {
		System.out.printf(
				"publish    %-9s (%s) %,10.0f msg/s  %,8.1f B/msg  %5.2f us CPU/msg  server %5.2f us/msg  idle %3.0f%%  JIT %4d ms  busy %s%s%n",
				round, c.label, result.perSecond(), result.allocatedBytesPerMessage(), result.cpuMicrosPerMessage(),
				result.serverCpuMicrosPerMessage(), result.idleShare() * 100, result.compilationMillis(),
				result.threadBusy(), result.complete() ? "" : " INCOMPLETE " + result.handled());
	}

	/**
	 * Publishes {@code n} orders over the subjects in turn and returns how many the
	 * stream acknowledged.
	 */
	@FunctionalInterface
	private interface Publisher {

		long publish(String[] subjects, int n) throws Exception;

	}

}

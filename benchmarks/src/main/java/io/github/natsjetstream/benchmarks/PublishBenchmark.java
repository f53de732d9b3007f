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
 * Publish throughput, raw jnats against the {@link JetStreamTemplate}, synchronously and
 * asynchronously. The cases compared with each other are measured together: in each
 * round every publisher of a group (the synchronous ones, the asynchronous ones) is set
 * up, warmed up, and then publishes its messages in {@value #BLOCKS} blocks, the blocks
 * of the group's publishers taking turns, each block timed from its first publish until
 * the stream has acknowledged its last message. A case's figures for the round add up
 * its blocks. Blocks a few hundred milliseconds apart see the same machine, so the
 * ratios of the cases do not move with the machine's speed from one second to the next,
 * as they did when each case published all its messages in one go.
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
	 * The blocks each publisher's messages of a round are published in, taking turns
	 * with the other publishers of its group.
	 */
	private static final int BLOCKS = 5;

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

		/** The cases measured together, their blocks taking turns. */
		static final List<List<Case>> GROUPS = List.of(List.of(RAW_SYNC, TEMPLATE_SYNC),
				List.of(RAW_ASYNC, RAW_ASYNC_HEADER, TEMPLATE_ASYNC));

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
		for (int r = 0; r < this.options.warmUpRounds(); r++) {
			for (List<Case> group : Case.GROUPS) {
				round(group, r).forEach((c, round) -> log("warm-up", c, round));
			}
		}
		Map<Case, List<ThroughputRound>> rounds = new EnumMap<>(Case.class);
		for (int r = 0; r < this.options.rounds(); r++) {
			for (List<Case> group : Case.GROUPS) {
				String name = "round " + (r + 1);
				round(group, r).forEach((c, round) -> {
					log(name, c, round);
					rounds.computeIfAbsent(c, (k) -> new ArrayList<>()).add(round);
				});
			}
		}
		List<ThroughputCase> results = new ArrayList<>();
		for (Case c : Case.STANDARD) {
			results.add(ThroughputCase.of(c.label, c.description, (c.baseline != null) ? c.baseline : c.label,
					rounds.get(c)));
		}
		return results;
	}

	/**
	 * One round of a group: each case on a fresh stream with a fresh publisher, warmed up,
	 * then the cases' blocks in turns, starting with another case in each round.
	 */
	private Map<Case, ThroughputRound> round(List<Case> group, int rotation) throws Exception {
		Map<Case, Publishing> publishing = new EnumMap<>(Case.class);
		try {
			for (Case c : group) {
				publishing.put(c, publishing(c));
			}
			for (Publishing each : publishing.values()) {
				int warmUp = Math.max(1, each.messages / WARM_UP_DIVISOR);
				Assert.state(each.publisher.publish(each.subjects, warmUp) == warmUp,
						"Warm-up publishes not acknowledged");
				each.stored = warmUp;
			}
			int payloadBytes = this.mapper.writeValueAsBytes(Order.numbered(0, 0)).length;
			long heapBefore = HeapProbe.liveBytes();
			MachineProbe.awaitCompilationQuiet(COMPILATION_QUIET_TIMEOUT);
			for (int block = 0; block < BLOCKS; block++) {
				for (int i = 0; i < group.size(); i++) {
					Publishing each = publishing.get(group.get((i + block + rotation) % group.size()));
					each.publishBlock(each.messages / BLOCKS + ((block < each.messages % BLOCKS) ? 1 : 0));
				}
			}
			long heapAfter = HeapProbe.liveBytes();
			Map<Case, ThroughputRound> results = new EnumMap<>(Case.class);
			for (Case c : group) {
				Publishing each = publishing.get(c);
				long stored = this.fixture.management().getStreamInfo(each.stream).getStreamState().getMsgCount();
				results.put(c, each.result(payloadBytes, stored, heapBefore, heapAfter));
			}
			return results;
		}
		finally {
			for (Publishing each : publishing.values()) {
				each.close();
				this.fixture.deleteStream(each.stream);
			}
		}
	}

	private Publishing publishing(Case c) throws Exception {
		int n = c.async ? this.options.messages() : Math.max(1, this.options.messages() / SYNC_DIVISOR);
		int seq = ++this.sequence;
		String stream = "PB_" + seq;
		String prefix = "pb." + seq;
		String[] subjects = new String[JetStreamFixture.ROUTES];
		for (int i = 0; i < subjects.length; i++) {
			subjects[i] = prefix + ".r" + i;
		}
		this.fixture.createStream(stream, prefix + ".>");
		if (c.template) {
			ConfigurableApplicationContext context = this.contexts.run(Map.of());
			return new Publishing(stream, subjects, n,
					templatePublisher(context.getBean(JetStreamTemplate.class), c.async), context);
		}
		Connection connection = Nats
			.connect(new Options.Builder().server(this.url).connectionName("bench-raw").build());
		return new Publishing(stream, subjects, n,
				rawPublisher(connection.jetStream(), c.async, c == Case.RAW_ASYNC_HEADER), connection);
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
	 * One case's publisher in a round, and what its blocks measured, added up.
	 */
	private static final class Publishing implements AutoCloseable {

		final String stream;

		final String[] subjects;

		final int messages;

		final Publisher publisher;

		private final AutoCloseable resource;

		long stored;

		private long acknowledged;

		private long elapsedNanos;

		private double idleNanos;

		private long processCpuNanos;

		private long serverCpuNanos;

		private boolean serverCpuKnown = true;

		private long compilationMillis;

		private long allocatedBytes;

		private long collections;

		private long peakHeapBytes;

		private final Map<String, Long> cpuByThread = new TreeMap<>();

		Publishing(String stream, String[] subjects, int messages, Publisher publisher, AutoCloseable resource) {
			this.stream = stream;
			this.subjects = subjects;
			this.messages = messages;
			this.publisher = publisher;
			this.resource = resource;
		}

		/**
		 * Publish one block, timed from its first publish until its last acknowledgement.
		 */
		void publishBlock(int count) throws Exception {
			MachineReading before = MachineReading.take();
			long elapsed;
			try (HeapProbe.PeakSampler sampler = new HeapProbe.PeakSampler()) {
				long start = System.nanoTime();
				this.acknowledged += this.publisher.publish(this.subjects, count);
				elapsed = System.nanoTime() - start;
				sampler.close();
				this.peakHeapBytes = Math.max(this.peakHeapBytes, sampler.peak());
			}
			MachineReading.Usage used = MachineReading.take().since(before);
			this.stored += count;
			this.elapsedNanos += elapsed;
			this.processCpuNanos += used.processCpuNanos();
			this.serverCpuKnown &= used.serverCpuNanos() >= 0;
			this.serverCpuNanos += used.serverCpuNanos();
			this.idleNanos += used.idleShare() * elapsed;
			this.compilationMillis += used.compilationMillis();
			this.allocatedBytes += used.allocatedBytes();
			this.collections += used.collections();
			used.cpuByThread().forEach((name, nanos) -> this.cpuByThread.merge(name, nanos, Long::sum));
		}

		ThroughputRound result(int payloadBytes, long storedOnServer, long heapBefore, long heapAfter) {
			Map<String, Double> busy = MachineReading.Usage.busyThreads(this.cpuByThread, this.elapsedNanos);
			long handled = Math.max(1, this.acknowledged);
			return new ThroughputRound(this.acknowledged / (this.elapsedNanos / 1e9), this.elapsedNanos / 1e6,
					this.acknowledged == this.messages && storedOnServer == this.stored, this.acknowledged,
					payloadBytes, (double) this.allocatedBytes / handled, this.processCpuNanos / 1000.0 / handled,
					this.serverCpuKnown ? this.serverCpuNanos / 1000.0 / handled : Double.NaN,
					this.idleNanos / this.elapsedNanos, this.compilationMillis, busy, 0, heapBefore, heapAfter,
					this.peakHeapBytes, this.collections);
		}

		@Override
		public void close() throws Exception {
			this.resource.close();
		}

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

package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.benchmarks.Report.ContextStart;
import io.github.natsjetstream.benchmarks.Report.Startup;
import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Startup and idle memory: an application without streams or handlers, one declaring 20
 * streams, and one declaring the same streams and 50 handlers, started first against a
 * server without them and then again unchanged. Each start is timed from
 * {@code SpringApplication.run} until it returns (handlers consuming) and its JetStream API
 * requests are counted; with the context still open, the heap is measured after a full
 * collection.
 */
final class StartupBenchmark {

	private static final Duration IDLE_SETTLE = Duration.ofSeconds(1);

	private final BenchmarkOptions options;

	private final NatsServer server;

	private final JetStreamFixture fixture;

	private final StarterContexts contexts;

	private final JsonMapper mapper;

	StartupBenchmark(BenchmarkOptions options, NatsServer server, JetStreamFixture fixture, StarterContexts contexts,
			JsonMapper mapper) {
		this.options = options;
		this.server = server;
		this.fixture = fixture;
		this.contexts = contexts;
		this.mapper = mapper;
	}

	Startup run() throws Exception {
		Map<String, List<ContextStart>> starts = new LinkedHashMap<>();
		try (ApiRequestCounter counter = new ApiRequestCounter(this.server.url())) {
			for (int r = 0; r <= this.options.startupRounds(); r++) {
				boolean warmUp = r == 0;
				record(starts, warmUp, start("empty", counter, Map.of(), false));
				deleteStreams();
				record(starts, warmUp, start("20 streams, first start", counter, streams(), false));
				deleteStreams();
				record(starts, warmUp, start("20 streams + 50 handlers, first start", counter, streams(), true));
				record(starts, warmUp, start("20 streams + 50 handlers, unchanged restart", counter, streams(), true));
			}
		}
		deleteStreams();
		return Startup.of(starts, StartupHandlers.COUNT);
	}

	private static void record(Map<String, List<ContextStart>> starts, boolean warmUp, ContextStart start) {
		System.out.printf(
				"startup    %-9s %-44s %,7.0f ms  api %3d (writes %3d, jsz %3d)  heap %,6.1f MiB  idle %4.1f%% CPU %,7.0f KiB/s  close %,5.0f ms%n",
				warmUp ? "warm-up" : "round", start.name(), (double) start.millis(), start.apiRequests(), start.apiWrites(),
				start.jszApiRequests(), start.heapAfterGcBytes() / 1048576.0, start.idleCpu() * 100,
				start.idleAllocatedBytesPerSecond() / 1024, start.closeMillis());
		if (!warmUp) {
			starts.computeIfAbsent(start.name(), (k) -> new ArrayList<>()).add(start);
		}
	}

	private ContextStart start(String name, ApiRequestCounter counter, Map<String, Object> properties,
			boolean handlers) throws Exception {
		Map<String, Long> before = counter.snapshot();
		long jszBefore = jszApiTotal();
		long start = System.nanoTime();
		ConfigurableApplicationContext context = handlers
				? this.contexts.run(properties, StarterContexts.StartupHandlersConfiguration.class)
				: this.contexts.run(properties);
		long millis = (System.nanoTime() - start) / 1_000_000;
		context.getBean(Connection.class).flush(Duration.ofSeconds(5));
		Map<String, Long> requests = ApiRequestCounter.between(before, counter.snapshot());
		long jsz = jszApiTotal() - jszBefore;
		Thread.sleep(IDLE_SETTLE.toMillis());
		long cpuBefore = HeapProbe.processCpuNanos();
		Map<Long, Long> allocatedBefore = HeapProbe.allocatedByThread();
		long idleStart = System.nanoTime();
		Thread.sleep(IDLE_SETTLE.toMillis());
		double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
		double idleCpu = (HeapProbe.processCpuNanos() - cpuBefore) / 1e9 / idleSeconds;
		double idleAllocated = HeapProbe.allocatedBetween(allocatedBefore, HeapProbe.allocatedByThread()) / idleSeconds;
		long heap = HeapProbe.liveBytes();
		int threads = HeapProbe.liveThreads();
		if (this.options.histogram()) {
			System.out.println("Heap histogram with '" + name + "' open:\n" + HeapProbe.histogram(25));
		}
		long closeStart = System.nanoTime();
		context.close();
		double closeMillis = (System.nanoTime() - closeStart) / 1e6;
		return new ContextStart(name, millis, ApiRequestCounter.requests(requests), ApiRequestCounter.writes(requests),
				jsz, requests, heap, threads, idleCpu, idleAllocated, closeMillis);
	}

	private Map<String, Object> streams() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int i = 0; i < StartupHandlers.STREAMS; i++) {
			String id = String.format("%02d", i);
			properties.put("nats.jetstream.streams.STARTUP_" + id + ".subjects", "startup.s" + id + ".>");
		}
		return properties;
	}

	private void deleteStreams() throws Exception {
		for (int i = 0; i < StartupHandlers.STREAMS; i++) {
			this.fixture.deleteStream(String.format("STARTUP_%02d", i));
		}
	}

	private long jszApiTotal() {
		JsonNode jsz = this.mapper.readTree(this.server.monitoring("/jsz"));
		return jsz.path("api").path("total").asLong();
	}

}

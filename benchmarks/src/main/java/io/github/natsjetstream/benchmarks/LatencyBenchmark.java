package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.benchmarks.Report.LatencyCase;
import io.github.natsjetstream.benchmarks.Report.LatencyRound;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Publish-to-handler latency at a fixed rate: each message carries its publish time
 * ({@link System#nanoTime()}, same JVM) and the consumer records the time from then until
 * its handler (or the raw loop) has the decoded record. The first seconds of each round
 * warm up and are not recorded.
 */
final class LatencyBenchmark {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	private final BenchmarkOptions options;

	private final JetStreamFixture fixture;

	private final StarterContexts contexts;

	private final MessageSink sink;

	private final JsonMapper mapper;

	private final String url;

	private int sequence;

	LatencyBenchmark(BenchmarkOptions options, JetStreamFixture fixture, StarterContexts contexts, MessageSink sink,
			JsonMapper mapper, String url) {
		this.options = options;
		this.fixture = fixture;
		this.contexts = contexts;
		this.sink = sink;
		this.mapper = mapper;
		this.url = url;
	}

	List<LatencyCase> run() throws Exception {
		List<LatencyRound> raw = new ArrayList<>();
		List<LatencyRound> starter = new ArrayList<>();
		log("warm-up", "raw", round(false, this.options.latencyDuration().dividedBy(2)));
		log("warm-up", "starter", round(true, this.options.latencyDuration().dividedBy(2)));
		for (int r = 0; r < this.options.latencyRounds(); r++) {
			boolean starterFirst = r % 2 == 1;
			for (boolean useStarter : new boolean[] { starterFirst, !starterFirst }) {
				LatencyRound round = round(useStarter, this.options.latencyDuration());
				log("round " + (r + 1), useStarter ? "starter" : "raw", round);
				(useStarter ? starter : raw).add(round);
			}
		}
		return List.of(LatencyCase.of("raw", "raw jnats consume() + Jackson + ack()", raw),
				LatencyCase.of("starter", "@NatsHandler method taking the record, concurrency 1", starter));
	}

	private LatencyRound round(boolean useStarter, Duration measured) throws Exception {
		int seq = ++this.sequence;
		String stream = "LAT_" + seq;
		String prefix = "lat." + seq;
		this.fixture.createStream(stream, prefix + ".>");
		RawConsumer raw = null;
		ConfigurableApplicationContext context = null;
		try {
			this.sink.reset(Long.MAX_VALUE);
			if (useStarter) {
				context = this.contexts.run(Map.of("bench.subjects", prefix + ".>", "bench.prefix", prefix,
						"bench.auto-startup", "true", "nats.jetstream.consumer-defaults.concurrency", 1),
						StarterContexts.MethodHandlerConfiguration.class);
			}
			else {
				raw = new RawConsumer(this.url, this.mapper, this.sink);
				raw.start(stream, prefix + ".>");
			}
			Duration warmUp = this.options.latencyWarmUp();
			int rate = this.options.latencyRate();
			long total = warmUp.plus(measured).toNanos() / (1_000_000_000L / rate);
			Histogram histogram = this.sink.resetRecording(total, System.nanoTime() + warmUp.toNanos());
			long published = this.fixture.publishAtRate(prefix, rate, warmUp.plus(measured));
			boolean complete = this.sink.await(DRAIN_TIMEOUT);
			return new LatencyRound(micros(histogram.getValueAtPercentile(50)),
					micros(histogram.getValueAtPercentile(99)), micros(histogram.getValueAtPercentile(99.9)),
					micros(histogram.getMaxValue()), histogram.getTotalCount(), published, complete);
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

	private static double micros(long nanos) {
		return nanos / 1_000.0;
	}

	private static void log(String round, String kind, LatencyRound result) {
		System.out.printf("latency    %-9s (%s) p50 %,8.0f us  p99 %,8.0f us  p99.9 %,8.0f us  max %,8.0f us  n=%d%s%n",
				round, kind, result.p50Micros(), result.p99Micros(), result.p999Micros(), result.maxMicros(),
				result.recorded(), result.complete() ? "" : " INCOMPLETE");
	}

}

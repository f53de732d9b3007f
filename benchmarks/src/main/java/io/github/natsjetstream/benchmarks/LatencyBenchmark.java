package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.benchmarks.Report.LatencyCase;
import io.github.natsjetstream.benchmarks.Report.LatencyRound;
import io.github.natsjetstream.benchmarks.experiment.ExperimentalContainer;
import io.github.natsjetstream.benchmarks.experiment.ExperimentalContainer.Variant;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
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

	private static final String RAW = "raw";

	private static final String STARTER = "starter";

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
		List<String> consumers = new ArrayList<>(List.of(RAW, STARTER));
		this.options.latencyExperiments().forEach((variant) -> consumers.add(variant.name()));
		Map<String, List<LatencyRound>> rounds = new LinkedHashMap<>();
		for (String consumer : consumers) {
			log("warm-up", consumer, round(consumer, this.options.latencyDuration().dividedBy(2)));
		}
		for (int r = 0; r < this.options.latencyRounds(); r++) {
			for (int i = 0; i < consumers.size(); i++) {
				String consumer = consumers.get((r + i) % consumers.size());
				LatencyRound round = round(consumer, this.options.latencyDuration());
				log("round " + (r + 1), consumer, round);
				rounds.computeIfAbsent(consumer, (k) -> new ArrayList<>()).add(round);
			}
		}
		List<LatencyCase> cases = new ArrayList<>();
		cases.add(LatencyCase.of(RAW, "raw jnats consume() + Jackson + ack()", rounds.get(RAW)));
		cases.add(LatencyCase.of(STARTER, "@NatsHandler method taking the record, concurrency 1", rounds.get(STARTER)));
		for (Variant variant : this.options.latencyExperiments()) {
			cases.add(LatencyCase.of(variant.name(), "experiment: (b) in the cut-down container, " + variant,
					rounds.get(variant.name())));
		}
		return cases;
	}

	private LatencyRound round(String consumer, Duration measured) throws Exception {
		boolean useStarter = !consumer.equals(RAW);
		Variant variant = (useStarter && !consumer.equals(STARTER)) ? Variant.valueOf(consumer) : null;
		int seq = ++this.sequence;
		String stream = "LAT_" + seq;
		String prefix = "lat." + seq;
		this.fixture.createStream(stream, prefix + ".>");
		RawConsumer raw = null;
		ConfigurableApplicationContext context = null;
		ExperimentalContainer experiment = null;
		try {
			this.sink.reset(Long.MAX_VALUE);
			if (useStarter) {
				context = this.contexts.run(Map.of("bench.subjects", prefix + ".>", "bench.prefix", prefix,
						"bench.auto-startup", variant == null, "nats.jetstream.consumer-defaults.concurrency", 1),
						StarterContexts.MethodHandlerConfiguration.class);
				if (variant != null) {
					experiment = new ExperimentalContainer(StarterContexts.benchContainer(context).getEndpoint(),
							context.getBean(Connection.class), context.getBean(JetStreamManagement.class), variant,
							null);
					experiment.start(stream);
				}
			}
			else {
				raw = new RawConsumer(this.url, this.mapper, this.sink, true, false);
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
			if (experiment != null) {
				experiment.stop();
			}
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
		System.out.printf("latency    %-9s (%-7s) p50 %,8.0f us  p99 %,8.0f us  p99.9 %,8.0f us  max %,8.0f us  n=%d%s%n",
				round, kind, result.p50Micros(), result.p99Micros(), result.p999Micros(), result.maxMicros(),
				result.recorded(), result.complete() ? "" : " INCOMPLETE");
	}

}

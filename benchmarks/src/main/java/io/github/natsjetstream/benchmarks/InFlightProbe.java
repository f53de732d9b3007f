package io.github.natsjetstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import tools.jackson.databind.json.JsonMapper;

/**
 * How raw jnats {@code publishAsync()} throughput depends on how many publishes may await
 * their acknowledgement: the measurement behind the default of
 * {@code nats.jetstream.publish.max-in-flight}. Each round publishes the ~200-byte record
 * with every limit in turn (a {@code Semaphore}); printed are, per limit, the median
 * msg/s and the median share of the round's fastest limit. Not part of the full run:
 * {@code --only=in-flight}.
 */
final class InFlightProbe {

	static final int[] LIMITS = { 64, 256, 1_024, 2_048, 4_096, 8_192, 16_384 };

	private final BenchmarkOptions options;

	private final JetStreamFixture fixture;

	private final JsonMapper mapper;

	private final String url;

	InFlightProbe(BenchmarkOptions options, JetStreamFixture fixture, JsonMapper mapper, String url) {
		this.options = options;
		this.fixture = fixture;
		this.mapper = mapper;
		this.url = url;
	}

	void run() throws Exception {
		int n = Math.max(1, this.options.messages() / 4);
		List<List<Double>> rates = new ArrayList<>();
		List<List<Double>> shares = new ArrayList<>();
		for (int i = 0; i < LIMITS.length; i++) {
			rates.add(new ArrayList<>());
			shares.add(new ArrayList<>());
		}
		try (Connection connection = Nats.connect(new Options.Builder().server(this.url).build())) {
			JetStream jetStream = connection.jetStream();
			for (int r = -this.options.warmUpRounds(); r < this.options.rounds(); r++) {
				double[] round = new double[LIMITS.length];
				for (int k = 0; k < LIMITS.length; k++) {
					int i = (k + Math.max(r, 0)) % LIMITS.length;
					round[i] = publish(jetStream, LIMITS[i], n, "IF_" + r + "_" + i);
				}
				if (r >= 0) {
					double best = java.util.Arrays.stream(round).max().orElse(1);
					for (int i = 0; i < LIMITS.length; i++) {
						rates.get(i).add(round[i]);
						shares.get(i).add(round[i] / best);
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "in-flight: %,d messages per limit and round, %d rounds%n", n,
				this.options.rounds());
		for (int i = 0; i < LIMITS.length; i++) {
			System.out.printf(Locale.ROOT, "in-flight %6d: median %,8.0f msg/s, median share of the round's fastest %.2f%n",
					LIMITS[i], Stats.median(rates.get(i)), Stats.median(shares.get(i)));
		}
	}

	private double publish(JetStream jetStream, int limit, int n, String stream) throws Exception {
		this.fixture.createStream(stream, "inflight.>");
		try {
			Semaphore inFlight = new Semaphore(limit);
			CountDownLatch done = new CountDownLatch(n);
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				inFlight.acquire();
				jetStream.publishAsync("inflight.r" + (i % JetStreamFixture.ROUTES),
						this.mapper.writeValueAsBytes(Order.numbered(i, 0)))
					.whenComplete((ack, ex) -> {
						inFlight.release();
						done.countDown();
					});
			}
			done.await();
			return n / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			this.fixture.deleteStream(stream);
		}
	}

}

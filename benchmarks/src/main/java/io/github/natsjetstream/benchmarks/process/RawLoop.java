package io.github.natsjetstream.benchmarks.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;

/**
 * The loop a user writes by hand with jnats, run as a process of its own with default JVM
 * options: a durable pull consumer with {@code consume()}, each message decoded with
 * Jackson and acknowledged. Driven by the benchmarks through {@link BenchmarkControl}.
 * <p>
 * Arguments: the server URL, the stream, the filter subject, the durable, the number of
 * messages, and the Jackson generation: {@code 3} for Jackson 3's
 * {@code tools.jackson.databind.json.JsonMapper} (Spring Boot 4's JSON library), {@code 2}
 * for Jackson 2's {@code com.fasterxml.jackson.databind.ObjectMapper}. Each is created as
 * a user would, with its defaults.
 */
public final class RawLoop {

	/** As the starter's consumers: the server's default. */
	private static final int MAX_ACK_PENDING = 1_000;

	private RawLoop() {
	}

	/**
	 * Run the loop.
	 * @param args server URL, stream, filter subject, durable, messages, Jackson
	 * generation (3 or 2)
	 * @throws Exception when it fails
	 */
	public static void main(String[] args) throws Exception {
		String url = args[0];
		String stream = args[1];
		String filter = args[2];
		String durable = args[3];
		long expected = Long.parseLong(args[4]);
		Function<byte[], Payment> decoder = decoder(args[5]);
		Connection connection = Nats.connect(new Options.Builder().server(url).connectionName("raw-loop").build());
		AtomicLong count = new AtomicLong();
		CountDownLatch done = new CountDownLatch(1);
		long[] checksum = new long[1];
		MessageConsumer[] consumer = new MessageConsumer[1];
		BenchmarkControl.run(() -> {
			ConsumerContext context = connection.getStreamContext(stream)
				.createOrUpdateConsumer(ConsumerConfiguration.builder()
					.durable(durable)
					.ackPolicy(AckPolicy.Explicit)
					.maxAckPending(MAX_ACK_PENDING)
					.filterSubject(filter)
					.build());
			consumer[0] = context.consume((message) -> {
				Payment payment = decoder.apply(message.getData());
				checksum[0] += payment.amountCents();
				message.ack();
				if (count.incrementAndGet() == expected) {
					done.countDown();
				}
			});
		}, (Duration timeout) -> {
			done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return count.get();
		}, () -> {
			try {
				if (consumer[0] != null) {
					consumer[0].close();
				}
				connection.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static Function<byte[], Payment> decoder(String generation) throws Exception {
		switch (generation) {
			case "3": {
				tools.jackson.databind.json.JsonMapper mapper = new tools.jackson.databind.json.JsonMapper();
				return (bytes) -> mapper.readValue(bytes, Payment.class);
			}
			case "2": {
				com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
				return (bytes) -> {
					try {
						return mapper.readValue(bytes, Payment.class);
					}
					catch (java.io.IOException ex) {
						throw new IllegalStateException(ex);
					}
				};
			}
			default:
				throw new IllegalArgumentException("Jackson generation must be 3 or 2, not '" + generation + "'");
		}
	}

}

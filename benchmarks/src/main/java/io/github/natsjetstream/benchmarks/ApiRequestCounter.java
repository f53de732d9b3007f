package io.github.natsjetstream.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Counts JetStream API requests by kind ({@code STREAM.CREATE}, {@code CONSUMER.INFO},
 * ...) by listening on {@code $JS.API.>}, as every client of the account can.
 */
final class ApiRequestCounter implements AutoCloseable {

	private static final String API_PREFIX = "$JS.API.";

	/** The kinds that change the server's state. */
	static final Set<String> WRITES = Set.of("STREAM.CREATE", "STREAM.UPDATE", "STREAM.DELETE", "STREAM.PURGE",
			"STREAM.MSG.DELETE", "CONSUMER.CREATE", "CONSUMER.DURABLE.CREATE", "CONSUMER.DELETE");

	/** Pull requests: consuming, not managing. */
	static final String PULL = "CONSUMER.MSG.NEXT";

	private final Connection connection;

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	ApiRequestCounter(String url) throws Exception {
		this.connection = Nats.connect(new Options.Builder().server(url).connectionName("bench-api-counter").build());
		Dispatcher dispatcher = this.connection.createDispatcher((message) -> this.counts
			.computeIfAbsent(kind(message.getSubject()), (kind) -> new LongAdder())
			.increment());
		dispatcher.subscribe(API_PREFIX + ">");
		this.connection.flush(Duration.ofSeconds(5));
	}

	/**
	 * Return the counts so far, once every request the server has seen has reached this
	 * counter (flush the clients that made them first).
	 * @return the counts by kind
	 */
	Map<String, Long> snapshot() throws Exception {
		this.connection.flush(Duration.ofSeconds(5));
		// The dispatcher hands messages over on its own thread: let it catch up.
		Thread.sleep(50);
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((kind, count) -> snapshot.put(kind, count.sum()));
		return snapshot;
	}

	/**
	 * Return what happened between two snapshots.
	 * @param before the first
	 * @param after the second
	 * @return the requests by kind, pulls included
	 */
	static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> difference = new TreeMap<>();
		after.forEach((kind, count) -> {
			long delta = count - before.getOrDefault(kind, 0L);
			if (delta != 0) {
				difference.put(kind, delta);
			}
		});
		return difference;
	}

	static long requests(Map<String, Long> byKind) {
		return byKind.entrySet().stream().filter((e) -> !e.getKey().equals(PULL)).mapToLong(Map.Entry::getValue).sum();
	}

	static long writes(Map<String, Long> byKind) {
		return byKind.entrySet().stream().filter((e) -> WRITES.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
	}

	static String kind(String subject) {
		String[] tokens = subject.substring(API_PREFIX.length()).split("\\.");
		if (tokens.length >= 3 && (tokens[1].equals("DURABLE") || tokens[1].equals("MSG"))) {
			return tokens[0] + "." + tokens[1] + "." + tokens[2];
		}
		return (tokens.length >= 2) ? tokens[0] + "." + tokens[1] : tokens[0];
	}

	@Override
	public void close() throws InterruptedException {
		this.connection.close();
	}

}

package io.github.natsjetstream.handler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Counts how often each message was handled, across application contexts.
 */
final class MessageCounter {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final AtomicInteger total = new AtomicInteger();

	void handled(String payload) {
		this.counts.computeIfAbsent(payload, (key) -> new AtomicInteger()).incrementAndGet();
		this.total.incrementAndGet();
	}

	int distinct() {
		return this.counts.size();
	}

	int total() {
		return this.total.get();
	}

	long duplicates() {
		return this.counts.values().stream().filter((count) -> count.get() > 1).count();
	}

	boolean handledAll(int messages) {
		return IntStream.range(0, messages).allMatch((i) -> this.counts.containsKey("m" + i));
	}

}

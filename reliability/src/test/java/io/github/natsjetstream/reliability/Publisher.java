package io.github.natsjetstream.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsjetstream.reliability.app.FaultHandler;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * Publishes the messages {@code 0} to {@code count - 1} of a run on a thread of its own, each
 * with its id as payload and {@code Nats-Msg-Id}, asynchronously with a bounded number in
 * flight. A publish that fails or is not acknowledged in time (the server is down, the stream
 * has no leader) is sent again with the same {@code Nats-Msg-Id}, so that the server's
 * duplicate window drops it if the first one was stored after all. Optionally keeps at most a
 * given number of messages waiting for the handler, so that publishing goes on through the
 * whole run and across its faults.
 */
final class Publisher implements AutoCloseable {

	private static final int IN_FLIGHT = 256;

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration RETRY_DELAY = Duration.ofMillis(100);

	private static final int FLOW_CHECK_EVERY = 100;

	private final Connection connection;

	private final JetStream jetStream;

	private final int count;

	private final @Nullable Integer maxWaiting;

	private final BitSet acknowledged = new BitSet();

	private final CountDownLatch stop = new CountDownLatch(1);

	private final CountDownLatch done = new CountDownLatch(1);

	private final Thread thread;

	private volatile int republished;

	private volatile @Nullable Throwable failure;

	private Publisher(Connection connection, int count, @Nullable Integer maxWaiting) throws Exception {
		this.connection = connection;
		this.jetStream = connection.jetStream();
		this.count = count;
		this.maxWaiting = maxWaiting;
		this.thread = new Thread(this::run, "publisher");
	}

	/**
	 * Start publishing.
	 * @param connection the connection to publish on
	 * @param count the number of messages
	 * @param maxWaiting how many messages may wait in the stream for the handler at most, or
	 * {@code null} for no limit
	 * @return the running publisher
	 */
	static Publisher start(Connection connection, int count, @Nullable Integer maxWaiting) throws Exception {
		Publisher publisher = new Publisher(connection, count, maxWaiting);
		publisher.thread.start();
		return publisher;
	}

	/**
	 * Wait until every message was acknowledged by the server.
	 * @param timeout how long to wait at most
	 * @return the acknowledged ids
	 */
	BitSet awaitAcknowledged(Duration timeout) throws InterruptedException {
		if (!this.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("Not all messages acknowledged within " + timeout + ": "
					+ acknowledgedCount() + " of " + this.count);
		}
		Throwable failed = this.failure;
		if (failed != null) {
			throw new IllegalStateException("Publisher failed", failed);
		}
		return acknowledged();
	}

	synchronized BitSet acknowledged() {
		return (BitSet) this.acknowledged.clone();
	}

	synchronized int acknowledgedCount() {
		return this.acknowledged.cardinality();
	}

	/**
	 * Return how many publishes were sent again after a failure or a timeout.
	 * @return the number of publishes sent again
	 */
	int republished() {
		return this.republished;
	}

	private void run() {
		try {
			publishAll();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Throwable ex) {
			this.failure = ex;
		}
		finally {
			this.done.countDown();
		}
	}

	private void publishAll() throws InterruptedException {
		Deque<Integer> todo = new ArrayDeque<>();
		for (int id = 0; id < this.count; id++) {
			todo.add(id);
		}
		Map<Integer, Sent> inFlight = new LinkedHashMap<>();
		int sinceFlowCheck = 0;
		while ((!todo.isEmpty() || !inFlight.isEmpty()) && this.stop.getCount() > 0) {
			while (!todo.isEmpty() && inFlight.size() < IN_FLIGHT) {
				if (++sinceFlowCheck >= FLOW_CHECK_EVERY) {
					sinceFlowCheck = 0;
					awaitRoomForMore();
				}
				int id = todo.poll();
				try {
					inFlight.put(id, new Sent(this.jetStream.publishAsync(message(id)), System.nanoTime()));
				}
				catch (RuntimeException ex) {
					todo.addFirst(id);
					this.stop.await(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
					break;
				}
			}
			harvest(inFlight, todo);
		}
	}

	/**
	 * Wait for the oldest publish in flight, then take every completed one: acknowledged,
	 * or to be sent again when it failed or took too long.
	 */
	private void harvest(Map<Integer, Sent> inFlight, Deque<Integer> todo) throws InterruptedException {
		Iterator<Map.Entry<Integer, Sent>> entries = inFlight.entrySet().iterator();
		boolean failed = false;
		boolean first = true;
		while (entries.hasNext()) {
			Map.Entry<Integer, Sent> entry = entries.next();
			Sent sent = entry.getValue();
			long waitNanos = first ? sent.sentNanos() + ACK_TIMEOUT.toNanos() - System.nanoTime() : 0;
			first = false;
			try {
				PublishAck ack = sent.future().get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
				if (ack.getSeqno() > 0 || ack.isDuplicate()) {
					synchronized (this) {
						this.acknowledged.set(entry.getKey());
					}
					entries.remove();
					continue;
				}
				failed = true;
			}
			catch (TimeoutException ex) {
				if (System.nanoTime() - sent.sentNanos() < ACK_TIMEOUT.toNanos()) {
					// Not yet due: the later ones are younger still.
					break;
				}
				sent.future().cancel(false);
			}
			catch (ExecutionException ex) {
				failed = true;
			}
			entries.remove();
			todo.addFirst(entry.getKey());
			this.republished++;
		}
		if (failed) {
			// The stream has no leader or the server is going away: give it a moment.
			this.stop.await(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Keep at most {@code maxWaiting} messages in the stream that the handler has not been
	 * given yet, so that publishing spans the run.
	 */
	private void awaitRoomForMore() throws InterruptedException {
		Integer max = this.maxWaiting;
		if (max == null) {
			return;
		}
		JetStreamManagement management;
		try {
			management = this.connection.jetStreamManagement();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		await("room in the stream").atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> this.stop.getCount() == 0 || management
				.getConsumerInfo(FaultHandler.STREAM, FaultHandler.DURABLE)
				.getNumPending() < max);
	}

	private static NatsMessage message(int id) {
		Headers headers = new Headers().add("Nats-Msg-Id", "faults-" + id);
		return NatsMessage.builder()
			.subject("faults.m")
			.headers(headers)
			.data(Integer.toString(id).getBytes(StandardCharsets.US_ASCII))
			.build();
	}

	@Override
	public void close() throws InterruptedException {
		this.stop.countDown();
		this.thread.join(TimeUnit.SECONDS.toMillis(30));
	}

	private record Sent(CompletableFuture<PublishAck> future, long sentNanos) {
	}

}

package io.github.natsjetstream.listener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.listener.adapter.HandlerInvoker;
import io.github.natsjetstream.listener.adapter.SpringMessageFactory;
import io.github.natsjetstream.retry.FailureHandler;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One of a container's workers: fetches batches of messages from the durable consumer
 * and handles them one at a time, acknowledging each after its handler returns.
 * <p>
 * It uses jnats' simplified {@code fetch}: a fetch hands out every message it received
 * before it reports the end of its batch, so when the worker is stopped it can finish
 * the message in hand and return, with a {@code nak} without delay, each message it
 * fetched but did not start. Another instance gets those at once, not after the ack wait.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerWorker implements Runnable {

	private static final Log logger = LogFactory.getLog(HandlerWorker.class);

	private static final long RETRY_PAUSE_MILLIS = 1_000;

	private final String name;

	private final FetchSource fetchSource;

	private final HandlerInvoker invoker;

	private final FailureHandler failureHandler;

	private final int maxDeliver;

	private final Runnable onConsumerTrouble;


	private final CountDownLatch stopSignal = new CountDownLatch(1);

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile boolean stopping;

	private volatile @Nullable Message inHand;

	private volatile long inHandProgressNanos;

	private volatile long lastReceivedNanos = System.nanoTime();

	HandlerWorker(String name, FetchSource fetchSource, HandlerInvoker invoker, FailureHandler failureHandler,
			int maxDeliver, Runnable onConsumerTrouble) {
		this.name = name;
		this.fetchSource = fetchSource;
		this.invoker = invoker;
		this.failureHandler = failureHandler;
		this.maxDeliver = maxDeliver;
		this.onConsumerTrouble = onConsumerTrouble;
	}

	@Override
	public void run() {
		// One fetch at a time: with two outstanding, the server hands out messages to
		// them in turn, and those of the second would wait until the first completes.
		try {
			while (!this.stopping) {
				FetchConsumer fetch = fetch();
				if (fetch != null) {
					consume(fetch);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.finished.countDown();
		}
	}

	private @Nullable FetchConsumer fetch() throws InterruptedException {
		try {
			return this.fetchSource.fetch();
		}
		catch (Exception ex) {
			if (this.stopping) {
				return null;
			}
			logger.debug("Worker " + this.name + " could not fetch: " + ex.getMessage());
			this.onConsumerTrouble.run();
			this.stopSignal.await(RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
			return null;
		}
	}

	private void consume(FetchConsumer fetch) throws InterruptedException {
		int returned = 0;
		try {
			Message message;
			while ((message = next(fetch)) != null) {
				this.lastReceivedNanos = System.nanoTime();
				if (this.stopping) {
					message.nak();
					returned++;
					continue;
				}
				try {
					handle(message);
				}
				catch (RuntimeException ex) {
					// Acknowledging failed (connection lost, say): the server redelivers.
					logger.warn("Worker " + this.name + " could not acknowledge message " + message.getSubject()
							+ "; the server will redeliver it: " + ex.getMessage());
				}
			}
		}
		finally {
			closeQuietly(fetch);
		}
		if (returned > 0 && logger.isDebugEnabled()) {
			logger.debug("Worker " + this.name + " returned " + returned + " fetched but unhandled messages");
		}
	}

	private @Nullable Message next(FetchConsumer fetch) throws InterruptedException {
		try {
			return fetch.nextMessage();
		}
		catch (JetStreamStatusCheckedException ex) {
			logger.debug("Worker " + this.name + " got a pull status: " + ex.getMessage());
			this.onConsumerTrouble.run();
			return null;
		}
	}

	private void handle(Message message) {
		long delivery = DeliveryCount.of(message);
		if (delivery > this.maxDeliver) {
			// Delivered more often than allowed: the handler never returned (the process
			// died), or the dead letter could not be published; give up without invoking.
			this.failureHandler.handleExhausted(message);
			return;
		}
		this.inHandProgressNanos = System.nanoTime();
		this.inHand = message;
		try {
			this.invoker.invoke(SpringMessageFactory.create(message));
			message.ack();
		}
		catch (Throwable ex) {
			this.failureHandler.handleFailure(message, delivery, unwrap(ex));
		}
		finally {
			this.inHand = null;
		}
	}

	/**
	 * Send an in-progress acknowledgement for the message in hand if it has been handled
	 * for longer than the given time since its last acknowledgement.
	 * @param afterNanos the time after which to send one
	 */
	void keepAlive(long afterNanos) {
		Message message = this.inHand;
		if (message != null && System.nanoTime() - this.inHandProgressNanos > afterNanos) {
			this.inHandProgressNanos = System.nanoTime();
			message.inProgress();
		}
	}

	boolean isIdleFor(long nanos) {
		return this.inHand == null && System.nanoTime() - this.lastReceivedNanos > nanos;
	}

	void stop() {
		this.stopping = true;
		this.stopSignal.countDown();
	}

	boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
		return this.finished.await(timeout, unit);
	}

	private static void closeQuietly(FetchConsumer fetch) {
		try {
			fetch.close();
		}
		catch (Exception ex) {
			logger.debug("Could not close a fetch", ex);
		}
	}

	private static Throwable unwrap(Throwable ex) {
		if (ex instanceof java.lang.reflect.InvocationTargetException ite && ite.getTargetException() != null) {
			return ite.getTargetException();
		}
		return ex;
	}

	/**
	 * Starts fetches of the container's current consumer.
	 */
	@FunctionalInterface
	interface FetchSource {

		FetchConsumer fetch() throws Exception;

	}

}

package io.github.natsjetstream.listener;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.listener.adapter.HandlerInvoker;
import io.github.natsjetstream.listener.adapter.SpringMessageFactory;
import io.github.natsjetstream.retry.FailureHandler;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One of a container's workers: pulls messages through its own {@link IterableConsumer}
 * and handles them one at a time, acknowledging each after its handler returns. When
 * stopped it finishes the message in hand, then naks, without delay, the messages it had
 * fetched but not started, so that another instance gets them at once.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerWorker implements Runnable {

	private static final Log logger = LogFactory.getLog(HandlerWorker.class);

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

	private static final Duration DRAIN_POLL = Duration.ofMillis(50);

	/**
	 * How long a stopping worker waits without receiving anything before it considers
	 * the messages of its pending pull all received.
	 */
	private static final long DRAIN_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

	private final String name;

	private final HandlerInvoker invoker;

	private final FailureHandler failureHandler;

	private final int maxDeliver;

	private final Runnable onConsumerTrouble;

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile IterableConsumer consumer;

	private volatile boolean stopping;

	private volatile @Nullable Message inHand;

	private volatile long inHandProgressNanos;

	private volatile long lastReceivedNanos = System.nanoTime();

	HandlerWorker(String name, IterableConsumer consumer, HandlerInvoker invoker, FailureHandler failureHandler,
			int maxDeliver, Runnable onConsumerTrouble) {
		this.name = name;
		this.consumer = consumer;
		this.invoker = invoker;
		this.failureHandler = failureHandler;
		this.maxDeliver = maxDeliver;
		this.onConsumerTrouble = onConsumerTrouble;
	}

	@Override
	public void run() {
		try {
			while (!this.stopping) {
				Message message = next(POLL_TIMEOUT);
				if (message == null) {
					continue;
				}
				this.lastReceivedNanos = System.nanoTime();
				if (this.stopping) {
					message.nak();
					break;
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
			drain();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			closeQuietly(this.consumer);
			this.finished.countDown();
		}
	}

	private @Nullable Message next(Duration timeout) throws InterruptedException {
		try {
			return this.consumer.nextMessage(timeout);
		}
		catch (JetStreamStatusCheckedException ex) {
			logger.debug("Worker " + this.name + " got a pull status: " + ex.getMessage());
			this.onConsumerTrouble.run();
			return null;
		}
	}

	private void handle(Message message) {
		long delivery = message.metaData().deliveredCount();
		if (delivery > this.maxDeliver) {
			// The server allows one delivery more than the handler: reaching it means
			// the handler never returned (the process died), so give up without invoking.
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

	private void drain() throws InterruptedException {
		IterableConsumer current = this.consumer;
		current.stop();
		long quietSince = System.nanoTime();
		int returned = 0;
		while (!current.isFinished()) {
			Message message = next(DRAIN_POLL);
			if (message != null) {
				message.nak();
				returned++;
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince > DRAIN_QUIET_NANOS) {
				break;
			}
		}
		if (returned > 0 && logger.isDebugEnabled()) {
			logger.debug("Worker " + this.name + " returned " + returned + " fetched but unhandled messages");
		}
	}

	/**
	 * Send an in-progress acknowledgement for the message in hand if it has been handled
	 * for longer than the given time since its last acknowledgement.
	 * @param after the time after which to send one
	 */
	void keepAlive(long afterNanos) {
		Message message = this.inHand;
		if (message != null && System.nanoTime() - this.inHandProgressNanos > afterNanos) {
			this.inHandProgressNanos = System.nanoTime();
			message.inProgress();
		}
	}

	/**
	 * Replace the consumer, after the durable was recreated.
	 * @param replacement the new consumer
	 */
	void replaceConsumer(IterableConsumer replacement) {
		IterableConsumer previous = this.consumer;
		this.consumer = replacement;
		closeQuietly(previous);
	}

	boolean isIdleFor(long nanos) {
		return this.inHand == null && System.nanoTime() - this.lastReceivedNanos > nanos;
	}

	void stop() {
		this.stopping = true;
	}

	boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
		return this.finished.await(timeout, unit);
	}

	void forceClose() {
		closeQuietly(this.consumer);
	}

	private static Throwable unwrap(Throwable ex) {
		if (ex instanceof java.lang.reflect.InvocationTargetException ite && ite.getTargetException() != null) {
			return ite.getTargetException();
		}
		return ex;
	}

	private static void closeQuietly(IterableConsumer consumer) {
		try {
			consumer.close();
		}
		catch (Exception ex) {
			logger.debug("Could not close consumer", ex);
		}
	}

}

package io.github.natsjetstream.listener;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.natsjetstream.config.BatchHandlerInvoker;
import io.github.natsjetstream.config.HandlerInvoker;
import io.github.natsjetstream.listener.HandlerObservations.Handling;
import io.github.natsjetstream.listener.adapter.SpringMessageFactory;
import io.github.natsjetstream.observation.NatsHandlerMdc;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.github.natsjetstream.retry.FailureHandler;
import io.micrometer.observation.Observation;
import io.nats.client.JetStreamStatusException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.impl.NatsJetStreamMetaData;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One of a container's workers: keeps pulls outstanding on its own subscription to the
 * durable consumer and handles the messages one at a time, acknowledging each after its
 * handler returns, or, for a batch handler, collects them into batches
 * ({@link BatchDispatcher}).
 * <p>
 * The worker manages its pulls itself rather than through jnats' {@code iterate()} or
 * {@code consume()}: when those are stopped, they unsubscribe as the last pulled message
 * arrives and drop what is still queued, which would then come back only after the ack
 * wait. Here every pull has an expiry, so a stopping worker knows when nothing more can
 * arrive: it finishes the message in hand, keeps every message that arrives until its
 * pulls have ended, returns them all with a {@code nak} without delay, and only then
 * unsubscribes. Another instance gets those messages at once. Several pulls feed the one
 * subscription, so the server keeps sending while the worker handles, and no message
 * waits behind another pull.
 * <p>
 * An idle worker holds no thread: once a pull ended without a message and none is
 * outstanding, it gives up its subscription and parks ({@link ParkedWorkers}): its long
 * pull, which the server answers at once when a message comes, is answered on one
 * dispatcher shared by every parked worker, which resumes the worker on a new thread of
 * its executor with that message in hand. A worker starts parked, so that its first
 * message, or nothing, decides whether it needs a thread. A worker of a consumer pinned to
 * one client ({@code pinned-client}) keeps its thread instead: it sends long pulls on its
 * own subscription ({@link PullTracker}) and waits for a message until the server ends the
 * long pull, which all idle workers' long pulls do at the same instants, or until its
 * grace has passed without that end (the pull was lost). A reconnection sends a parked
 * worker's long pull again, and wakes a waiting one to pull again ({@link #pullsLost()}:
 * a restarted server lost its pulls). A stop ends a parked worker at once, and wakes a
 * waiting one, which ends its long pull by unsubscribing; either way a message the server
 * sent at that very moment comes back after its ack wait.
 * <p>
 * Pulled messages wait in the subscription for their turn while their ack wait runs. So
 * while the worker handles a message, the keep-alive takes what arrived meanwhile into the
 * worker's own queue and keeps those messages alive too, counting from their pull: however
 * long the handlers take, no message waits here until the server redelivers it to another
 * instance, which would handle it a second time.
 * <p>
 * The worker supervises itself: when subscribing fails or the client fails under it (a
 * closed connection, a subscription that became invalid), it logs the cause once per
 * episode of failures ({@link WorkerSupervision}), waits a growing delay and subscribes
 * again, until it is stopped. Messages it held come back after their ack wait.
 * <p>
 * While a message is handled, the {@link NatsHandlerMdc MDC} says which, and the handling
 * is a {@code nats.handler} observation when the registry observes anything, in scope
 * until the message is settled, so that a dead letter carries its trace context (or, with
 * handler observations disabled, a timing of the {@code nats.handler} timer).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class HandlerWorker implements Runnable, ParkedWorkers.Sleeper {

	private static final Log logger = LogFactory.getLog(HandlerWorker.class);

	private static final String PIN_ID = "Nats-Pin-Id";

	/**
	 * The time of what has not happened yet.
	 */
	static final long NEVER = Long.MIN_VALUE;

	/**
	 * How long the keep-alive waits for a message that has arrived: not at all.
	 */
	private static final Duration TAKE_ARRIVED = Duration.ofNanos(1);

	/**
	 * The shortest wait for a message.
	 */
	private static final long MIN_WAIT_NANOS = 1_000_000;

	/**
	 * How much sooner than its time a wait must end without a message to count as a pull
	 * ended on the server.
	 */
	private static final long EARLY_NANOS = 5_000_000;

	private final String name;

	private final SubscriptionSource subscriptionSource;

	private final PullTracker pulls;

	private final WorkerPulls pullRequests;

	private volatile boolean pullsLost;

	/**
	 * Guards {@link #waitingThread} and {@link #woken}, so that a stop or a reconnection
	 * interrupts the worker only while it waits for a message, never in a handler.
	 */
	private final Object wakeMonitor = new Object();

	private @Nullable Thread waitingThread;

	private boolean woken;

	private final ContainerOptions options;

	private final HandlerInvoker invoker;

	private final FailureHandler failureHandler;

	private final Runnable onConsumerTrouble;

	private final HandlerObservations observations;

	private final NatsHandlerMdc mdc;

	private final WorkerSupervision supervision;

	private final CountDownLatch stopSignal = new CountDownLatch(1);

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile boolean stopping;

	private volatile @Nullable Message inHand;

	private volatile long inHandProgressNanos;

	private volatile long lastReceivedNanos = System.nanoTime();

	private volatile boolean pinned;

	private volatile long lastHandledNanos = NEVER;

	/**
	 * Guards the subscription, the pulls and {@link #waiting}: the worker holds it while it
	 * pulls and takes its next message, the keep-alive while it takes what arrived.
	 */
	private final ReentrantLock subscriptionLock = new ReentrantLock();

	private volatile @Nullable JetStreamSubscription subscription;

	/**
	 * Messages that arrived while the worker handled another, in the order they arrived.
	 */
	private final ArrayDeque<Waiting> waiting = new ArrayDeque<>(1);

	private final @Nullable BatchDispatcher batchDispatcher;

	private final Parking parking;

	/**
	 * Where the worker parks, or {@code null} when it never parks.
	 */
	private final ParkedWorkers.@Nullable Slot slot;

	/**
	 * Whether the worker is parked ({@link ParkedWorkers}): it holds no thread, and its
	 * long pull waits on the server. Guarded by {@link #wakeMonitor}.
	 */
	private boolean parked;

	/**
	 * What resumed the worker, once parked, until its thread takes it. Guarded by
	 * {@link #wakeMonitor}.
	 */
	private @Nullable Resumption resumption;

	/**
	 * Whether the worker found itself idle with no pull outstanding and nothing waiting:
	 * it parks. Only the worker's thread reads and writes it.
	 */
	private boolean parkNow;

	private final int batchSize;

	private final long batchWaitNanos;

	private volatile List<Message> batchInHand = List.of();

	HandlerWorker(String name, SubscriptionSource subscriptionSource, PullTracker pulls, WorkerPulls pullRequests,
			Parking parking, ContainerOptions options, HandlerInvoker invoker, FailureHandler failureHandler,
			Runnable onConsumerTrouble, HandlerObservations observations, NatsHandlerMdc mdc) {
		this.name = name;
		this.parking = parking;
		this.slot = parking.slotFor(this, pullRequests);
		this.subscriptionSource = subscriptionSource;
		this.pulls = pulls;
		this.pullRequests = pullRequests;
		this.options = options;
		this.invoker = invoker;
		this.failureHandler = failureHandler;
		this.onConsumerTrouble = onConsumerTrouble;
		this.observations = observations;
		this.mdc = mdc;
		this.supervision = new WorkerSupervision(name, options.subscribeRetryDelay(), Clock.systemUTC());
		this.batchDispatcher = null;
		this.batchSize = 1;
		this.batchWaitNanos = 0;
	}

	/**
	 * Create a worker for a batch handler.
	 */
	HandlerWorker(String name, SubscriptionSource subscriptionSource, PullTracker pulls, WorkerPulls pullRequests,
			Parking parking, ContainerOptions options, BatchHandlerInvoker invoker, int batchSize, Duration batchWait,
			FailureHandler failureHandler, Runnable onConsumerTrouble, HandlerObservations observations,
			NatsHandlerMdc mdc) {
		this.name = name;
		this.parking = parking;
		this.slot = parking.slotFor(this, pullRequests);
		this.subscriptionSource = subscriptionSource;
		this.pulls = pulls;
		this.pullRequests = pullRequests;
		this.options = options;
		this.invoker = invoker;
		this.failureHandler = failureHandler;
		this.onConsumerTrouble = onConsumerTrouble;
		this.observations = observations;
		this.mdc = mdc;
		this.supervision = new WorkerSupervision(name, options.subscribeRetryDelay(), Clock.systemUTC());
		this.batchDispatcher = new BatchDispatcher(name, invoker, failureHandler, observations, mdc);
		this.batchSize = batchSize;
		this.batchWaitNanos = batchWait.toNanos();
	}

	/**
	 * Start the worker: parked, if it parks, so that its long pull brings the first
	 * message (at once if one is there); else on a thread of its own.
	 */
	void start() {
		if (this.slot == null || !park()) {
			this.parking.executor().execute(this);
		}
	}

	@Override
	public void run() {
		boolean parked = false;
		try {
			while (!this.stopping && !parked) {
				parked = runSubscribed();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (!parked) {
				this.finished.countDown();
			}
		}
	}

	/**
	 * Subscribe and handle messages until stopped, until the worker parks, or until the
	 * client fails under the worker; then wait before the next attempt.
	 * @return whether the worker parked: its thread ends
	 */
	private boolean runSubscribed() throws InterruptedException {
		Waiting resumed = takeResumption();
		JetStreamSubscription subscription = null;
		boolean idle = false;
		try {
			subscription = this.subscriptionSource.subscribe();
			this.subscription = subscription;
			List<Message> leftover = consume(subscription, resumed);
			idle = (leftover == null);
			if (leftover != null) {
				drain(subscription, leftover);
			}
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			if (subscription == null && resumed != null) {
				// Not subscribed: the message that resumed the worker goes back at once.
				nakQuietly(resumed.message);
			}
			if (this.stopping) {
				return false;
			}
			Duration delay = this.supervision.failed(ex);
			this.onConsumerTrouble.run();
			forgetSubscription();
			this.stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		finally {
			forgetSubscription();
			if (subscription != null) {
				unsubscribeQuietly(subscription);
			}
		}
		// Parked last: once parked, the worker may resume on another thread at once.
		return idle && park();
	}

	/**
	 * Park: send the long pull through the {@link ParkedWorkers}, and let the thread go.
	 * @return whether the worker parked; not when it is stopping or the pull could not
	 * be sent
	 */
	private boolean park() {
		ParkedWorkers.Slot slot = this.slot;
		if (slot == null) {
			return false;
		}
		synchronized (this.wakeMonitor) {
			if (this.stopping) {
				return false;
			}
			this.parked = true;
			if (!slot.park()) {
				this.parked = false;
			}
			return this.parked;
		}
	}

	@Override
	public String pullSubject() {
		return this.parking.pullSubject();
	}

	@Override
	public String longPull(long expiresNanos) {
		return this.pullRequests.shape().parkedPull(expiresNanos);
	}

	@Override
	public boolean resume(@Nullable Message message, long pulledAtNanos) {
		synchronized (this.wakeMonitor) {
			if (!this.parked) {
				return false;
			}
			this.parked = false;
			this.resumption = new Resumption(message, pulledAtNanos);
		}
		this.parking.executor().execute(this);
		return true;
	}

	/**
	 * Take what resumed the worker, if it was parked, and count it with the pulls: the
	 * worker is no longer idle.
	 * @return the message that resumed the worker, or {@code null}
	 */
	private @Nullable Waiting takeResumption() {
		Resumption resumed;
		synchronized (this.wakeMonitor) {
			resumed = this.resumption;
			this.resumption = null;
		}
		if (resumed == null) {
			return null;
		}
		long now = System.nanoTime();
		this.subscriptionLock.lock();
		try {
			this.pulls.resumed(now, resumed.message() != null);
		}
		finally {
			this.subscriptionLock.unlock();
		}
		if (resumed.message() == null) {
			return null;
		}
		this.lastReceivedNanos = now;
		return new Waiting(resumed.message(), resumed.pulledAtNanos());
	}

	/**
	 * Forget the subscription, its pulls, and the messages it delivered: they come back
	 * after their ack wait.
	 */
	private void forgetSubscription() {
		this.subscriptionLock.lock();
		try {
			this.subscription = null;
			this.pulls.reset();
			this.waiting.clear();
		}
		finally {
			this.subscriptionLock.unlock();
		}
	}

	/**
	 * Handle messages until stopped, or until the worker parks.
	 * @param first the message that resumed the worker, to handle first, or {@code null}
	 * @return messages that arrived once stopping, not handled, the one that resumed the
	 * worker among them if it stopped before; {@code null} to park
	 */
	private @Nullable List<Message> consume(JetStreamSubscription subscription, @Nullable Waiting first)
			throws InterruptedException {
		Waiting resumed = first;
		while (!this.stopping) {
			Waiting next = (resumed != null) ? resumed : receive(subscription, null);
			resumed = null;
			if (next == null) {
				if (this.parkNow) {
					this.parkNow = false;
					return null;
				}
				continue;
			}
			if (this.stopping) {
				return List.of(next.message);
			}
			BatchDispatcher dispatcher = this.batchDispatcher;
			if (dispatcher == null) {
				handle(next.message, next.progressNanos);
				continue;
			}
			List<Message> batch = collectBatch(subscription, next.message);
			if (this.stopping) {
				return batch;
			}
			handleBatch(dispatcher, batch, next.progressNanos);
		}
		return (resumed != null) ? List.of(resumed.message) : List.of();
	}

	/**
	 * Pull when the pulls run low, then take the next message: one the keep-alive took
	 * into the worker's queue, or else the next to arrive.
	 * @param timeout how long to wait for a message, or {@code null} to wait until a
	 * pull is due
	 * @return the message with when it was last known alive on the server, or
	 * {@code null} when none arrived in time
	 */
	private @Nullable Waiting receive(JetStreamSubscription subscription, @Nullable Duration timeout)
			throws InterruptedException {
		Waiting next;
		this.subscriptionLock.lockInterruptibly();
		try {
			long now = System.nanoTime();
			if (this.pullsLost) {
				this.pullsLost = false;
				this.pulls.reset();
			}
			long arrived = subscription.getPendingMessageCount() + this.waiting.size();
			if (this.pulls.shouldPull(now, arrived)) {
				if (this.slot == null || !this.pulls.idle()) {
					long expires = this.pulls.expiryOfNextPull(now);
					subscription.pull(this.pullRequests.next(this.pulls.idle(), expires));
					this.pulls.pulled(now, expires);
					this.supervision.running();
				}
				else if (timeout == null && arrived == 0 && this.pulls.allEnded(now)) {
					// Idle, and nothing can arrive any more: park rather than pull.
					this.parkNow = true;
					return null;
				}
				// Idle, with short pulls still outstanding: no long pull here; park once they end.
			}
			next = this.waiting.poll();
			if (next == null) {
				long waitNanos = (timeout != null) ? timeout.toNanos() : untilPullDue(now);
				Message message = awaitNext(subscription, waitNanos);
				if (message == null) {
					if (!this.stopping && System.nanoTime() - now < waitNanos - EARLY_NANOS) {
						// Woken before the time without a message: a pull ended on the server.
						this.pulls.pullEnded(System.nanoTime());
					}
					return null;
				}
				this.lastReceivedNanos = System.nanoTime();
				next = new Waiting(message, this.pulls.received(this.lastReceivedNanos));
			}
		}
		finally {
			this.subscriptionLock.unlock();
		}
		if (!this.pinned && next.message.hasHeaders() && next.message.getHeaders().containsKeyIgnoreCase(PIN_ID)) {
			this.pinned = true;
		}
		return next;
	}

	/**
	 * Return how long to wait for a message before the pulls are due again.
	 */
	private long untilPullDue(long now) {
		return Math.max(MIN_WAIT_NANOS, this.pulls.nextDue(now) - now);
	}

	/**
	 * Wait for the next message where a stop or a reconnection can wake the worker.
	 * @return the message, or {@code null} when none arrived in time or the worker was
	 * woken
	 */
	private @Nullable Message awaitNext(JetStreamSubscription subscription, long timeoutNanos)
			throws InterruptedException {
		synchronized (this.wakeMonitor) {
			if (this.stopping) {
				return null;
			}
			this.waitingThread = Thread.currentThread();
		}
		try {
			return next(subscription, Duration.ofNanos(timeoutNanos));
		}
		catch (InterruptedException ex) {
			synchronized (this.wakeMonitor) {
				if (!this.woken) {
					throw ex;
				}
			}
			return null;
		}
		finally {
			synchronized (this.wakeMonitor) {
				this.waitingThread = null;
				if (this.woken) {
					this.woken = false;
					// An interrupt of ours that came as the wait ended must not reach a handler.
					Thread.interrupted();
				}
			}
		}
	}

	/**
	 * Collect a batch that starts with the given message: until it holds the batch size,
	 * the batch wait has passed since its first message, or the worker stops.
	 */
	private List<Message> collectBatch(JetStreamSubscription subscription, Message first)
			throws InterruptedException {
		List<Message> batch = new ArrayList<>(Math.min(this.batchSize, 1024));
		batch.add(first);
		long deadline = System.nanoTime() + this.batchWaitNanos;
		while (batch.size() < this.batchSize && !this.stopping) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			Waiting next = receive(subscription, Duration.ofNanos(Math.min(left, this.options.pollTimeout().toNanos())));
			if (next != null) {
				batch.add(next.message);
			}
		}
		return batch;
	}

	/**
	 * Hand a batch to its handler.
	 * @param progressNanos when the oldest message of the batch was last known alive on
	 * the server
	 */
	private void handleBatch(BatchDispatcher dispatcher, List<Message> batch, long progressNanos) {
		this.inHandProgressNanos = progressNanos;
		this.batchInHand = batch;
		try {
			dispatcher.dispatch(batch);
		}
		finally {
			this.batchInHand = List.of();
			this.lastHandledNanos = System.nanoTime();
		}
	}

	/**
	 * Collect every message that arrives until the outstanding pulls have ended and
	 * nothing has arrived for a while, then return them all with a {@code nak} without
	 * delay. Returning them only then keeps their redelivery away from this worker's own
	 * pulls, which the server may still hold open a little longer than the worker counts.
	 * A long pull is not waited for: once the short ones ended and nothing arrived for a
	 * while, the worker takes what arrived and unsubscribes, which ends it on the server.
	 */
	private void drain(JetStreamSubscription subscription, List<Message> leftover) throws InterruptedException {
		List<Message> unhandled = new ArrayList<>(leftover);
		this.subscriptionLock.lockInterruptibly();
		try {
			this.waiting.forEach((kept) -> unhandled.add(kept.message));
			this.waiting.clear();
			long quietSince = System.nanoTime();
			while (true) {
				Message message = next(subscription, this.options.drainPoll());
				long now = System.nanoTime();
				if (message != null) {
					this.pulls.received(now);
					unhandled.add(message);
					quietSince = now;
				}
				else if (this.pulls.allShortEnded(now) && now - quietSince > this.options.drainQuiet().toNanos()) {
					break;
				}
			}
			if (this.pulls.longPullOutstanding(System.nanoTime())) {
				while (subscription.getPendingMessageCount() > 0) {
					Message arrived = next(subscription, TAKE_ARRIVED);
					if (arrived == null) {
						break;
					}
					unhandled.add(arrived);
				}
				unsubscribeQuietly(subscription);
			}
		}
		finally {
			this.subscriptionLock.unlock();
		}
		unhandled.forEach(Message::nak);
		if (!unhandled.isEmpty() && logger.isDebugEnabled()) {
			logger.debug("Worker " + this.name + " returned " + unhandled.size() + " pulled but unhandled messages");
		}
	}

	private @Nullable Message next(JetStreamSubscription subscription, Duration timeout) throws InterruptedException {
		try {
			return subscription.nextMessage(timeout);
		}
		catch (JetStreamStatusException ex) {
			logger.debug("Worker " + this.name + " got a pull status: " + ex.getMessage());
			this.onConsumerTrouble.run();
			return null;
		}
	}

	/**
	 * Handle a message.
	 * @param progressNanos when the message was last known alive on the server: its pull
	 * or its last in-progress acknowledgement
	 */
	private void handle(Message message, long progressNanos) {
		NatsJetStreamMetaData metaData = message.metaData();
		long delivery = metaData.deliveredCount();
		this.mdc.put(message, metaData);
		try {
			if (this.observations.isNoop()) {
				process(message, delivery, progressNanos, null);
			}
			else {
				processRecorded(message, delivery, progressNanos);
			}
		}
		finally {
			this.mdc.clear();
		}
	}

	/**
	 * Handle and settle a message while its handling is recorded (as a
	 * {@code nats.handler} observation, in scope until the message is settled, or in the
	 * timer alone).
	 */
	private void processRecorded(Message message, long delivery, long progressNanos) {
		Handling handling = this.observations.start(message);
		NatsHandlerOutcome outcome = NatsHandlerOutcome.ERROR;
		try (Observation.Scope scope = handling.openScope()) {
			outcome = process(message, delivery, progressNanos, handling);
		}
		catch (RuntimeException | Error ex) {
			handling.error(ex);
			throw ex;
		}
		finally {
			handling.stop(outcome);
		}
	}

	/**
	 * Handle and settle a message: acknowledge it once handled, or let the failure
	 * handler redeliver or dead-letter it.
	 * @param progressNanos when the message was last known alive on the server
	 * @param handling the handling as it is recorded, to record the handler's failure
	 * in, or {@code null}
	 * @return how the handling ended
	 */
	private NatsHandlerOutcome process(Message message, long delivery, long progressNanos,
			@Nullable Handling handling) {
		NatsHandlerOutcome exhausted = this.failureHandler.giveUpIfExhausted(message, delivery);
		if (exhausted != null) {
			return exhausted;
		}
		this.inHandProgressNanos = progressNanos;
		this.inHand = message;
		try {
			this.invoker.invoke(SpringMessageFactory.create(message));
		}
		catch (Throwable ex) {
			Throwable failure = unwrap(ex);
			if (handling != null) {
				handling.error(failure);
			}
			return this.failureHandler.handleFailure(message, delivery, failure);
		}
		finally {
			this.inHand = null;
			this.lastHandledNanos = System.nanoTime();
		}
		return acknowledge(message);
	}

	/**
	 * Acknowledge a handled message. A failure here is not the handler's: the message was
	 * handled, and the server redelivers it after the ack wait.
	 */
	private NatsHandlerOutcome acknowledge(Message message) {
		try {
			message.ack();
			return NatsHandlerOutcome.ACK;
		}
		catch (RuntimeException ex) {
			logger.warn("Worker " + this.name + " handled message " + message.getSubject()
					+ " but could not acknowledge it; the server will redeliver it after the ack wait: "
					+ ex.getMessage());
			return NatsHandlerOutcome.ERROR;
		}
	}

	/**
	 * Send an in-progress acknowledgement for the message in hand, and for each message
	 * waiting for its turn, that has gone longer than the given time since its pull or
	 * its last one. Messages that arrived while the worker handles are taken into the
	 * worker's own queue first, so that they can be kept alive; while the worker takes
	 * its next message, the keep-alive leaves its messages to the next run.
	 * @param afterNanos the time after which to send one
	 */
	void keepAlive(long afterNanos) {
		long now = System.nanoTime();
		Message message = this.inHand;
		if (message != null && now - this.inHandProgressNanos > afterNanos) {
			this.inHandProgressNanos = now;
			inProgress(message);
		}
		List<Message> batch = this.batchInHand;
		if (!batch.isEmpty() && now - this.inHandProgressNanos > afterNanos) {
			this.inHandProgressNanos = now;
			batch.forEach(this::inProgress);
		}
		if (!this.subscriptionLock.tryLock()) {
			return;
		}
		try {
			takeArrived(now);
			for (Waiting kept : this.waiting) {
				if (now - kept.progressNanos > afterNanos) {
					kept.progressNanos = now;
					inProgress(kept.message);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// The subscription or the connection is going away: the worker finds out too.
			logger.debug("Worker " + this.name + " could not keep its waiting messages alive", ex);
		}
		finally {
			this.subscriptionLock.unlock();
		}
	}

	private void inProgress(Message message) {
		try {
			message.inProgress();
		}
		catch (RuntimeException ex) {
			// Disconnected: the server redelivers after the ack wait, as for any lost ack.
			logger.debug("Worker " + this.name + " could not send an in-progress acknowledgement", ex);
		}
	}

	/**
	 * Take every message that arrived on the subscription into the worker's own queue.
	 * Called with the subscription's lock held.
	 */
	private void takeArrived(long now) throws InterruptedException {
		JetStreamSubscription current = this.subscription;
		if (current == null) {
			return;
		}
		while (current.getPendingMessageCount() > 0) {
			Message arrived = next(current, TAKE_ARRIVED);
			if (arrived == null) {
				return;
			}
			this.lastReceivedNanos = now;
			this.waiting.add(new Waiting(arrived, this.pulls.received(now)));
		}
	}

	String name() {
		return this.name;
	}

	/**
	 * Return whether the server pinned this worker's pulls (priority policy
	 * {@code pinned-client}): it received a message carrying a pin id.
	 * @return whether the worker was pinned
	 */
	boolean wasPinned() {
		return this.pinned;
	}

	/**
	 * Return the worker's current episode of failures.
	 * @return the episode, or {@code null} when the worker runs
	 */
	WorkerSupervision.@Nullable Episode failures() {
		return this.supervision.episode();
	}

	/**
	 * Return when the worker last received or handled a message, or was created if it
	 * has done neither.
	 * @return the {@link System#nanoTime()} of the last activity
	 */
	long lastActivityNanos() {
		return Math.max(this.lastReceivedNanos, this.lastHandledNanos);
	}

	/**
	 * Return when a handler invocation of the worker last ended.
	 * @return the {@link System#nanoTime()}, or {@link #NEVER} if none ended yet
	 */
	long lastHandledNanos() {
		return this.lastHandledNanos;
	}

	boolean isIdleFor(long nanos) {
		return this.inHand == null && this.batchInHand.isEmpty()
				&& System.nanoTime() - this.lastReceivedNanos > nanos;
	}

	/**
	 * Stop: the worker finishes what it handles, returns what it pulled, and ends. A worker
	 * waiting for a message is woken at once.
	 */
	void stop() {
		boolean wasParked;
		synchronized (this.wakeMonitor) {
			this.stopping = true;
			wasParked = this.parked;
			this.parked = false;
		}
		this.stopSignal.countDown();
		ParkedWorkers.Slot slot = this.slot;
		if (slot != null) {
			slot.close();
		}
		if (wasParked) {
			this.finished.countDown();
			return;
		}
		wake();
	}

	/**
	 * Tell the worker that the server may have lost its outstanding pulls (the client
	 * reconnected): it pulls again at once, waking if it waits for a message.
	 */
	void pullsLost() {
		this.pullsLost = true;
		ParkedWorkers.Slot slot = this.slot;
		if (slot != null) {
			slot.pullsLost();
		}
		wake();
	}

	private void wake() {
		synchronized (this.wakeMonitor) {
			Thread waiting = this.waitingThread;
			if (waiting != null && !this.woken) {
				this.woken = true;
				waiting.interrupt();
			}
		}
	}

	boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
		return this.finished.await(timeout, unit);
	}

	private void nakQuietly(Message message) {
		try {
			message.nak();
		}
		catch (RuntimeException ex) {
			logger.debug("Worker " + this.name + " could not return a message", ex);
		}
	}

	private static void unsubscribeQuietly(JetStreamSubscription subscription) {
		if (!subscription.isActive()) {
			return;
		}
		try {
			subscription.unsubscribe();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not unsubscribe", ex);
		}
	}

	private static Throwable unwrap(Throwable ex) {
		if (ex instanceof InvocationTargetException ite && ite.getTargetException() != null) {
			return ite.getTargetException();
		}
		return ex;
	}

	/**
	 * A message taken from the subscription, with when it was last known alive on the server:
	 * one that arrived while the worker handled another waits for its turn as such.
	 */
	private static final class Waiting {

		private final Message message;

		private long progressNanos;

		Waiting(Message message, long progressNanos) {
			this.message = message;
			this.progressNanos = progressNanos;
		}

	}

	/**
	 * What resumed a parked worker: the message its long pull brought, if any, and when
	 * that pull was sent.
	 */
	private record Resumption(@Nullable Message message, long pulledAtNanos) {
	}

	/**
	 * How a worker runs: the executor that gives it a thread, at its start and whenever
	 * it resumes, and where it parks when idle.
	 *
	 * @param executor gives the worker a thread
	 * @param workers where the worker parks when idle, or {@code null} to keep its
	 * thread
	 * @param pullSubject the subject its consumer's pulls go to
	 */
	record Parking(Executor executor, @Nullable ParkedWorkers workers, String pullSubject) {

		ParkedWorkers.@Nullable Slot slotFor(ParkedWorkers.Sleeper worker, WorkerPulls pulls) {
			return (this.workers != null && pulls.shape().parkable()) ? this.workers.slot(worker) : null;
		}

	}

	/**
	 * Subscribes to the container's durable consumer.
	 */
	@FunctionalInterface
	interface SubscriptionSource {

		JetStreamSubscription subscribe() throws Exception;

	}

}

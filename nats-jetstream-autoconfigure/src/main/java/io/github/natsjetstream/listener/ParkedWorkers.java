package io.github.natsjetstream.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.support.NatsJetStreamConstants;
import io.nats.client.support.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Idle workers parked without a thread. A parked worker's long pull asks for one message
 * and names an inbox of the worker's own, which a single dispatcher of the connection
 * receives on for every parked worker of the application:
 * <ul>
 * <li>a message resumes the worker on its own executor, with that message in hand;</li>
 * <li>the server's end of the long pull ({@code 408}) sends the next one from the
 * dispatcher's thread: idle workers' long pulls end together
 * ({@link PullTracker#longExpiry}), and are sent again together, without waking a single
 * worker;</li>
 * <li>any other answer (a consumer deleted, a new leader, no responders), a {@code 408}
 * well before its time, or no answer within the pull's expiry and grace resumes the worker
 * without a message: it pulls as a running worker does, which finds out what is
 * wrong.</li>
 * </ul>
 * A worker keeps its inbox while it runs, and gives it up when it stops, which ends its long
 * pull on the server. A message that comes for a worker not parked (resumed by a lost pull
 * meanwhile, stopping) is returned at once with a {@code nak}: the server redelivers it to
 * another pull without waiting for its ack wait.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ParkedWorkers {

	private static final Log logger = LogFactory.getLog(ParkedWorkers.class);

	private static final int REQUEST_TIMEOUT = 408;

	private static final int HEARTBEAT = 100;

	/**
	 * How much sooner than its expiry a long pull may end for its end to count as its
	 * expiry.
	 */
	private static final long EARLY_END_NANOS = 1_000_000_000L;

	private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

	private final Connection connection;

	private final String apiPrefix;

	private final ScheduledExecutorService scheduler;

	private final long longExpiryNanos;

	private final long graceNanos;

	private final Set<Slot> parked = ConcurrentHashMap.newKeySet();

	private final Object startMonitor = new Object();

	private volatile @Nullable Dispatcher dispatcher;

	private @Nullable ScheduledFuture<?> sweep;

	/**
	 * Create a new instance; its dispatcher starts with the first worker parked.
	 * @param connection the connection that the long pulls and their answers go through
	 * @param apiPrefix the JetStream API prefix, as the workers' JetStream context uses
	 * it
	 * @param scheduler runs the check for long pulls that the server dropped without an
	 * answer
	 * @param longExpiry the longest a long pull waits on the server
	 * @param grace how long after its expiry an answer to a pull may still arrive
	 */
	ParkedWorkers(Connection connection, String apiPrefix, ScheduledExecutorService scheduler, Duration longExpiry,
			Duration grace) {
		this.connection = connection;
		this.apiPrefix = apiPrefix;
		this.scheduler = scheduler;
		this.longExpiryNanos = longExpiry.toNanos();
		this.graceNanos = grace.toNanos();
	}

	/**
	 * Return the subject that pull requests for a consumer go to.
	 * @param stream the stream
	 * @param durable the durable consumer
	 * @return the subject
	 */
	String pullSubject(String stream, String durable) {
		return this.apiPrefix + String.format(NatsJetStreamConstants.JSAPI_CONSUMER_MSG_NEXT, stream, durable);
	}

	/**
	 * Return a place for a worker to park in; it takes an inbox when it first parks.
	 * @param worker the worker
	 * @return its slot
	 */
	Slot slot(Sleeper worker) {
		return new Slot(worker);
	}

	/**
	 * Stop receiving answers. Workers still parked stay so; stop them first.
	 */
	void close() {
		synchronized (this.startMonitor) {
			ScheduledFuture<?> sweep = this.sweep;
			if (sweep != null) {
				sweep.cancel(false);
			}
			Dispatcher dispatcher = this.dispatcher;
			if (dispatcher != null && this.connection.getStatus() != Connection.Status.CLOSED) {
				try {
					this.connection.closeDispatcher(dispatcher);
				}
				catch (RuntimeException ex) {
					logger.debug("Could not close the parked workers' dispatcher", ex);
				}
			}
			this.dispatcher = null;
		}
	}

	private Dispatcher dispatcher() {
		Dispatcher dispatcher = this.dispatcher;
		if (dispatcher != null) {
			return dispatcher;
		}
		synchronized (this.startMonitor) {
			if (this.dispatcher == null) {
				this.dispatcher = this.connection.createDispatcher();
				this.sweep = this.scheduler.scheduleWithFixedDelay(this::resumeLost, SWEEP_INTERVAL.toMillis(),
						SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			}
			return this.dispatcher;
		}
	}

	/**
	 * Resume the workers whose long pull has passed its expiry and grace without an
	 * answer: the server dropped it without a word.
	 */
	private void resumeLost() {
		long now = System.nanoTime();
		for (Slot slot : this.parked) {
			if (now - slot.expiresAt > this.graceNanos) {
				slot.resume(null);
			}
		}
	}

	/**
	 * Where one worker parks: its inbox, and its long pull while parked.
	 */
	final class Slot {

		private final Sleeper worker;

		private volatile @Nullable Subscription inbox;

		private volatile long pulledAt;

		private volatile long expiresAt;

		private Slot(Sleeper worker) {
			this.worker = worker;
		}

		/**
		 * Park the worker: send its long pull. Called by the worker with its wake
		 * monitor held, once it counts itself parked.
		 * @return whether the long pull was sent; if not, the worker is not parked
		 */
		boolean park() {
			try {
				Subscription inbox = this.inbox;
				if (inbox == null) {
					inbox = dispatcher().subscribe(ParkedWorkers.this.connection.createInbox(), this::answered);
					this.inbox = inbox;
				}
				ParkedWorkers.this.parked.add(this);
				send(inbox.getSubject());
				return true;
			}
			catch (RuntimeException ex) {
				ParkedWorkers.this.parked.remove(this);
				logger.debug("Could not send a parked worker's long pull", ex);
				return false;
			}
		}

		/**
		 * Give up the inbox: the worker stopped. Its long pull ends on the server.
		 */
		void close() {
			ParkedWorkers.this.parked.remove(this);
			Subscription inbox = this.inbox;
			Dispatcher dispatcher = ParkedWorkers.this.dispatcher;
			this.inbox = null;
			if (inbox != null && dispatcher != null && inbox.isActive()) {
				try {
					dispatcher.unsubscribe(inbox);
				}
				catch (RuntimeException ex) {
					logger.debug("Could not give up a parked worker's inbox", ex);
				}
			}
		}

		/**
		 * Send the long pull again if the worker is parked: the client reconnected, and
		 * a restarted server holds no pull sent before.
		 */
		void pullsLost() {
			Subscription inbox = this.inbox;
			if (inbox != null && ParkedWorkers.this.parked.contains(this)) {
				sendQuietly(inbox.getSubject());
			}
		}

		private void send(String replyTo) {
			long now = System.nanoTime();
			long expiresNanos = PullTracker.longExpiry(now, ParkedWorkers.this.longExpiryNanos);
			this.pulledAt = now;
			this.expiresAt = now + expiresNanos;
			ParkedWorkers.this.connection.publish(this.worker.pullSubject(), replyTo,
					this.worker.longPull(expiresNanos).getBytes(StandardCharsets.UTF_8));
		}

		private void sendQuietly(String replyTo) {
			try {
				send(replyTo);
			}
			catch (RuntimeException ex) {
				// Closed: the worker is stopped with its container.
				logger.debug("Could not send a parked worker's long pull", ex);
			}
		}

		/**
		 * Take the server's answer to the long pull.
		 */
		private void answered(Message answer) {
			try {
				if (!answer.isStatusMessage()) {
					if (!resume(answer)) {
						answer.nak();
					}
					return;
				}
				int code = answer.getStatus().getCode();
				if (code == HEARTBEAT || !ParkedWorkers.this.parked.contains(this)) {
					return;
				}
				if (code == REQUEST_TIMEOUT && this.expiresAt - System.nanoTime() < EARLY_END_NANOS) {
					sendQuietly(answer.getSubject());
					return;
				}
				resume(null);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not take the answer to a parked worker's long pull", ex);
			}
		}

		private boolean resume(@Nullable Message message) {
			return ParkedWorkers.this.parked.remove(this) && this.worker.resume(message, this.pulledAt);
		}

	}

	/**
	 * A worker that can be parked.
	 */
	interface Sleeper {

		/**
		 * Return the subject its pulls go to ({@link #pullSubject(String, String)}).
		 * @return the subject
		 */
		String pullSubject();

		/**
		 * Return the JSON of its long pull, asking for one message.
		 * @param expiresNanos the pull's expiry
		 * @return the pull request
		 */
		String longPull(long expiresNanos);

		/**
		 * Resume the worker, on a thread of its own.
		 * @param message the message its long pull brought, or {@code null} when the
		 * pull ended otherwise
		 * @param pulledAtNanos when that pull was sent
		 * @return whether the worker was parked and resumes; if not, the message is not
		 * the worker's
		 */
		boolean resume(@Nullable Message message, long pulledAtNanos);

	}

}

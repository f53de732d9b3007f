package io.github.natsjetstream.listener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.natsjetstream.config.HandlerSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Tells the {@link HandlerStatus} of a handler from its container and its consumer's
 * latest numbers, without asking the server. Decides what "paused" and "stalled" mean:
 * <ul>
 * <li>paused: paused here, or its consumer paused on the server as seen by a refresh
 * after the handler was last paused or resumed here;</li>
 * <li>stalled: running, and a refresh found messages waiting for the consumer (pending or
 * being redelivered) while nothing had been received or handled for the stall time
 * before it. The stall time is configured, or by default
 * {@value #DEFAULT_STALL_AFTER_ACK_WAITS} times the handler's ack wait.</li>
 * </ul>
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class HandlerStatusResolver {

	/**
	 * The default stall time, in ack waits of the handler.
	 */
	public static final int DEFAULT_STALL_AFTER_ACK_WAITS = 3;

	private final ConsumerStatistics statistics;

	private final @Nullable Duration stallAfter;

	private final Clock clock;

	/**
	 * Create a new instance.
	 * @param statistics the consumers' latest numbers
	 * @param stallAfter how long a handler may do nothing while messages wait before it
	 * is stalled, or {@code null} for {@value #DEFAULT_STALL_AFTER_ACK_WAITS} times its
	 * ack wait
	 * @param clock the clock
	 */
	public HandlerStatusResolver(ConsumerStatistics statistics, @Nullable Duration stallAfter, Clock clock) {
		Assert.notNull(statistics, "'statistics' must not be null");
		Assert.isTrue(stallAfter == null || (!stallAfter.isNegative() && !stallAfter.isZero()), "'stallAfter' must be positive");
		Assert.notNull(clock, "'clock' must not be null");
		this.statistics = statistics;
		this.stallAfter = stallAfter;
		this.clock = clock;
	}

	/**
	 * Tell the status of a handler.
	 * @param container the handler's container
	 * @return the status
	 */
	public HandlerStatus resolve(NatsHandlerContainer container) {
		Assert.notNull(container, "'container' must not be null");
		ConsumerSnapshot consumer = this.statistics.latest(container.getEndpoint().id());
		boolean pausedOnServer = consumer != null && consumer.paused()
				&& consumer.at().isAfter(container.pauseChangedAt());
		HandlerState state = !container.isRunning() ? HandlerState.STOPPED
				: (container.isPaused() || pausedOnServer) ? HandlerState.PAUSED : HandlerState.RUNNING;
		Instant now = this.clock.instant();
		long nowNanos = System.nanoTime();
		Instant lastActivity = toInstant(container.lastActivityNanos(), now, nowNanos);
		Duration stallAfter = stallAfter(container.getEndpoint().settings());
		boolean stalled = state == HandlerState.RUNNING && consumer != null && consumer.present()
				&& consumer.hasBacklog() && lastActivity != null
				&& !consumer.at().isBefore(lastActivity.plus(stallAfter));
		return new HandlerStatus(state, pausedOnServer, container.getWorkerStates(), consumer, lastActivity,
				toInstant(container.lastHandledNanos(), now, nowNanos), stalled, stallAfter,
				container.getLastFailure());
	}

	/**
	 * Return how long a handler may do nothing while messages wait before it is stalled.
	 * @param settings the handler's settings
	 * @return the stall time
	 */
	public Duration stallAfter(HandlerSettings settings) {
		return (this.stallAfter != null) ? this.stallAfter
				: settings.ackWait().multipliedBy(DEFAULT_STALL_AFTER_ACK_WAITS);
	}

	private static @Nullable Instant toInstant(long nanos, Instant now, long nowNanos) {
		return (nanos == HandlerWorker.NEVER) ? null : now.minusNanos(nowNanos - nanos);
	}

}

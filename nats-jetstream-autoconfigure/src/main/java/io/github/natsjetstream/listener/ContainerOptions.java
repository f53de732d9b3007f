package io.github.natsjetstream.listener;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How every handler container pulls, stops and checks its consumer: the tuning of the
 * containers, apart from the infrastructure they share ({@link ContainerResources}).
 *
 * @param pullExpiry how long a pull waits on the server while messages come; also the
 * least time between two pulls of an idle worker
 * @param idlePullExpiry how long a pull of an idle worker waits on the server: the server
 * sends a message at once, so this only sets how often an idle worker pulls
 * @param pullGrace how long after its expiry a pull's last messages may still arrive
 * @param maxBatchSize the largest pull; a worker pulls its share of max ack pending, up
 * to this
 * @param maxOutstandingPulls how many pulls a worker keeps outstanding at once
 * @param pollTimeout how long a worker collecting a batch waits for the next message before
 * it looks at its pulls again
 * @param subscribeRetryDelay how long a worker waits before subscribing again after a
 * failure
 * @param drainPoll how long a stopping worker waits for each message that may still
 * arrive
 * @param drainQuiet how long a stopping worker must see nothing arrive once its pulls
 * ended before it returns what it holds
 * @param consumerCheckInterval how often a paused container checks whether its consumer was
 * resumed on the server
 * @param idleConsumerCheckInterval how often a running container that has been idle that
 * long checks that its consumer still exists; a deleted consumer also ends the pulls with
 * an error, which makes the container check at once
 * @param shutdownTimeout how long a stop waits for handlers in progress
 * @param virtualThreads whether workers run on virtual threads
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ContainerOptions(Duration pullExpiry, Duration idlePullExpiry, Duration pullGrace, int maxBatchSize,
		int maxOutstandingPulls, Duration pollTimeout, Duration subscribeRetryDelay,
		Duration drainPoll, Duration drainQuiet, Duration consumerCheckInterval, Duration idleConsumerCheckInterval,
		Duration shutdownTimeout, boolean virtualThreads) {

	/**
	 * The options the starter runs with, but for the shutdown timeout (30 seconds) and
	 * virtual threads (off), which come from the configuration.
	 */
	public static final ContainerOptions DEFAULTS = new ContainerOptions(Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofMillis(500), 500, 2, Duration.ofMillis(100), Duration.ofSeconds(1),
			Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofSeconds(30), false);

	/**
	 * Create a new instance.
	 */
	public ContainerOptions {
		Assert.isTrue(maxBatchSize >= 1, "'maxBatchSize' must be at least 1");
		Assert.isTrue(maxOutstandingPulls >= 1, "'maxOutstandingPulls' must be at least 1");
		Assert.notNull(shutdownTimeout, "'shutdownTimeout' must not be null");
	}

	/**
	 * Return these options with another shutdown timeout.
	 * @param timeout the shutdown timeout
	 * @return the new options
	 */
	public ContainerOptions withShutdownTimeout(Duration timeout) {
		return new ContainerOptions(this.pullExpiry, this.idlePullExpiry, this.pullGrace, this.maxBatchSize,
				this.maxOutstandingPulls, this.pollTimeout, this.subscribeRetryDelay, this.drainPoll,
				this.drainQuiet, this.consumerCheckInterval, this.idleConsumerCheckInterval, timeout,
				this.virtualThreads);
	}

	/**
	 * Return these options with workers on virtual threads or not.
	 * @param virtual whether workers run on virtual threads
	 * @return the new options
	 */
	public ContainerOptions withVirtualThreads(boolean virtual) {
		return new ContainerOptions(this.pullExpiry, this.idlePullExpiry, this.pullGrace, this.maxBatchSize,
				this.maxOutstandingPulls, this.pollTimeout, this.subscribeRetryDelay, this.drainPoll,
				this.drainQuiet, this.consumerCheckInterval, this.idleConsumerCheckInterval, this.shutdownTimeout,
				virtual);
	}

	/**
	 * Return the number of messages each pull of a worker asks for, so that one instance
	 * holds at most half of the consumer's max ack pending: its workers keep
	 * {@link #maxOutstandingPulls()} pulls each, of a quarter of their share, at most
	 * {@link #maxBatchSize()}. When an instance dies holding all it pulled, the other
	 * half is left for the instances that take over, who go on at once instead of
	 * waiting for the ack wait of what the dead one held.
	 * @param maxAckPending the consumer's max ack pending
	 * @param concurrency the number of workers
	 * @return the batch size
	 */
	int batchSize(int maxAckPending, int concurrency) {
		return Math.max(1, Math.min(this.maxBatchSize, maxAckPending / (2 * concurrency * this.maxOutstandingPulls)));
	}

	/**
	 * Return how long to wait before the first run of a task repeated with the given
	 * period, so that every such task runs at the same multiples of the period: the
	 * scheduler then wakes once for all the containers' tasks of that period rather than
	 * once for each.
	 * @param periodMillis the period in milliseconds
	 * @param nowNanos the current {@link System#nanoTime()}
	 * @return the initial delay in milliseconds, between 1 and the period
	 */
	static long alignedDelay(long periodMillis, long nowNanos) {
		long now = Math.floorMod(nowNanos / 1_000_000, periodMillis);
		return periodMillis - now;
	}

	/**
	 * Return how often the in-progress acknowledgements of long-running messages are
	 * considered: a quarter of the ack wait, at least 50ms.
	 * @param ackWait the consumer's ack wait
	 * @return the period
	 */
	Duration keepAlivePeriod(Duration ackWait) {
		return Duration.ofMillis(Math.max(ackWait.toMillis() / 4, 50));
	}

	/**
	 * Return how long a message may be handled without an in-progress acknowledgement:
	 * half the ack wait.
	 * @param ackWait the consumer's ack wait
	 * @return the time after which to send one
	 */
	Duration keepAliveAfter(Duration ackWait) {
		return Duration.ofNanos(ackWait.toNanos() / 2);
	}

}

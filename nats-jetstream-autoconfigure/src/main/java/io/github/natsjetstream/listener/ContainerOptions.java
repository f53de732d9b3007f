package io.github.natsjetstream.listener;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How every handler container pulls, stops and checks its consumer: the tuning of the
 * containers, apart from the infrastructure they share ({@link ContainerResources}).
 *
 * @param pullExpiry how long a pull waits on the server; also the longest a stopping idle
 * worker waits before it ends
 * @param pullGrace how long after its expiry a pull's last messages may still arrive
 * @param maxBatchSize the largest pull; a worker pulls its share of max ack pending, up
 * to this
 * @param maxOutstandingPulls how many pulls a worker keeps outstanding at once
 * @param pollTimeout how long a worker waits for the next message before it looks at its
 * pulls again
 * @param subscribeRetryDelay how long a worker waits before subscribing again after a
 * failure
 * @param drainPoll how long a stopping worker waits for each message that may still
 * arrive
 * @param drainQuiet how long a stopping worker must see nothing arrive once its pulls
 * ended before it returns what it holds
 * @param consumerCheckInterval how often an idle container checks that its consumer still
 * exists
 * @param shutdownTimeout how long a stop waits for handlers in progress
 * @param virtualThreads whether workers run on virtual threads
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ContainerOptions(Duration pullExpiry, Duration pullGrace, int maxBatchSize, int maxOutstandingPulls,
		Duration pollTimeout, Duration subscribeRetryDelay, Duration drainPoll, Duration drainQuiet,
		Duration consumerCheckInterval, Duration shutdownTimeout, boolean virtualThreads) {

	/**
	 * The options the starter runs with, but for the shutdown timeout (30 seconds) and
	 * virtual threads (off), which come from the configuration.
	 */
	public static final ContainerOptions DEFAULTS = new ContainerOptions(Duration.ofSeconds(1),
			Duration.ofMillis(500), 500, 2, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(20),
			Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30), false);

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
		return new ContainerOptions(this.pullExpiry, this.pullGrace, this.maxBatchSize, this.maxOutstandingPulls,
				this.pollTimeout, this.subscribeRetryDelay, this.drainPoll, this.drainQuiet,
				this.consumerCheckInterval, timeout, this.virtualThreads);
	}

	/**
	 * Return these options with workers on virtual threads or not.
	 * @param virtual whether workers run on virtual threads
	 * @return the new options
	 */
	public ContainerOptions withVirtualThreads(boolean virtual) {
		return new ContainerOptions(this.pullExpiry, this.pullGrace, this.maxBatchSize, this.maxOutstandingPulls,
				this.pollTimeout, this.subscribeRetryDelay, this.drainPoll, this.drainQuiet,
				this.consumerCheckInterval, this.shutdownTimeout, virtual);
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
	 * Return how often the in-progress acknowledgements of long-running messages are
	 * considered: a quarter of the ack wait, at least 50ms.
	 * @param ackWait the consumer's ack wait
	 * @return the period
	 */
	Duration keepAlivePeriod(Duration ackWait) {
		return Duration.ofMillis(Math.max(ackWait.dividedBy(4).toMillis(), 50));
	}

	/**
	 * Return how long a message may be handled without an in-progress acknowledgement:
	 * half the ack wait.
	 * @param ackWait the consumer's ack wait
	 * @return the time after which to send one
	 */
	Duration keepAliveAfter(Duration ackWait) {
		return ackWait.dividedBy(2);
	}

}

package io.github.natsjetstream.listener;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import io.github.natsjetstream.retry.DeadLetterRecoverer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import org.springframework.util.Assert;

/**
 * What every handler container shares: the connection, the JetStream contexts, the dead
 * letter recoverer, a scheduler for keep-alives and checks, and the shutdown timeout.
 *
 * @param connection the connection
 * @param jetStream the JetStream context the workers subscribe with
 * @param management the JetStream management context
 * @param consumerProvisioner creates and updates durable consumers
 * @param deadLetterRecoverer recovers messages given up on
 * @param deadLetterSubject the dead-letter subject template ({@code {stream}},
 * {@code {durable}})
 * @param scheduler runs keep-alives and consumer checks
 * @param virtualThreads whether workers run on virtual threads
 * @param shutdownTimeout how long stopping waits for handlers in progress
 * @param clock the clock
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ContainerResources(Connection connection, JetStream jetStream,
		JetStreamManagement management, DurableConsumerProvisioner consumerProvisioner,
		DeadLetterRecoverer deadLetterRecoverer, String deadLetterSubject, ScheduledExecutorService scheduler,
		boolean virtualThreads, Duration shutdownTimeout, Clock clock) {

	/**
	 * Create a new instance.
	 */
	public ContainerResources {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(jetStream, "'jetStream' must not be null");
		Assert.notNull(management, "'management' must not be null");
		Assert.notNull(consumerProvisioner, "'consumerProvisioner' must not be null");
		Assert.notNull(deadLetterRecoverer, "'deadLetterRecoverer' must not be null");
		Assert.hasText(deadLetterSubject, "'deadLetterSubject' must not be empty");
		Assert.notNull(scheduler, "'scheduler' must not be null");
		Assert.notNull(shutdownTimeout, "'shutdownTimeout' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
	}

	/**
	 * Return the dead-letter subject for a consumer.
	 * @param stream the original stream
	 * @param durable the consumer's durable name
	 * @return the subject
	 */
	String deadLetterSubject(String stream, String durable) {
		return this.deadLetterSubject.replace("{stream}", stream).replace("{durable}", durable);
	}

}

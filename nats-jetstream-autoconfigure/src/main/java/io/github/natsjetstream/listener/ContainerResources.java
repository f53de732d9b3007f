package io.github.natsjetstream.listener;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.natsjetstream.observation.DefaultNatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerTimers;
import io.github.natsjetstream.provisioning.JetStreamProvisioner;
import io.github.natsjetstream.retry.DeadLetterRecoverer;
import io.github.natsjetstream.support.NatsServerFeatures;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The infrastructure every handler container shares.
 *
 * @param features what the connected server supports
 * @param connection the connection: its reconnections tell the workers to pull again
 * @param jetStream the JetStream context the workers subscribe with
 * @param jetStreamOptions the options of that context: idle workers' long pulls go to
 * its API prefix
 * @param management the management context, to check consumers
 * @param streams knows which streams capture which subjects
 * @param provisioner provisions each handler's durable consumer
 * @param deadLetterRecoverer publishes dead letters
 * @param scheduler runs keep-alives and schedules consumer checks; never waits on the
 * server
 * @param checks runs consumer checks, which make requests to the server
 * @param clock the clock for failure times
 * @param observationRegistry the registry of the {@code nats.handler} observations;
 * {@link ObservationRegistry#NOOP} observes nothing
 * @param observationConvention the convention of the {@code nats.handler} observations,
 * or {@code null} for {@link DefaultNatsHandlerObservationConvention}
 * @param handlerTimers the timers that record handlings without observing them
 * ({@code nats.jetstream.handler-observation-enabled=false}), or {@code null} to observe
 * them through the observation registry
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ContainerResources(NatsServerFeatures features, Connection connection, JetStream jetStream,
		JetStreamOptions jetStreamOptions, JetStreamManagement management,
		StreamDirectory streams, JetStreamProvisioner provisioner, DeadLetterRecoverer deadLetterRecoverer, ScheduledExecutorService scheduler,
		ExecutorService checks, Clock clock, ObservationRegistry observationRegistry,
		@Nullable NatsHandlerObservationConvention observationConvention, @Nullable NatsHandlerTimers handlerTimers) {

	/**
	 * Create a new instance.
	 */
	public ContainerResources {
		Assert.notNull(features, "'features' must not be null");
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(jetStream, "'jetStream' must not be null");
		Assert.notNull(jetStreamOptions, "'jetStreamOptions' must not be null");
		Assert.notNull(management, "'management' must not be null");
		Assert.notNull(streams, "'streams' must not be null");
		Assert.notNull(provisioner, "'provisioner' must not be null");
		Assert.notNull(deadLetterRecoverer, "'deadLetterRecoverer' must not be null");
		Assert.notNull(scheduler, "'scheduler' must not be null");
		Assert.notNull(checks, "'checks' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
	}

	/**
	 * Create a new instance that observes nothing.
	 * @param features what the connected server supports
	 * @param connection the connection: its reconnections tell the workers to pull again
	 * @param jetStream the JetStream context the workers subscribe with
	 * @param jetStreamOptions the options of that context
	 * @param management the management context, to check consumers
	 * @param streams knows which streams capture which subjects
	 * @param provisioner provisions each handler's durable consumer
	 * @param deadLetterRecoverer publishes dead letters
	 * @param scheduler runs keep-alives and schedules consumer checks
	 * @param checks runs consumer checks
	 * @param clock the clock for failure times
	 */
	public ContainerResources(NatsServerFeatures features, Connection connection, JetStream jetStream,
			JetStreamOptions jetStreamOptions, JetStreamManagement management, StreamDirectory streams, JetStreamProvisioner provisioner, DeadLetterRecoverer deadLetterRecoverer,
			ScheduledExecutorService scheduler, ExecutorService checks, Clock clock) {
		this(features, connection, jetStream, jetStreamOptions, management, streams, provisioner, deadLetterRecoverer, scheduler, checks, clock,
				ObservationRegistry.NOOP, null, null);
	}

}

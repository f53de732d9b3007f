package io.github.natsjetstream.listener;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.support.ApiErrorCodes;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Keeps the latest numbers of every handler's durable consumer (pending, ack pending,
 * redelivered, paused), refreshed in the background: per interval, one consumer-list
 * request per stream that several handlers consume (a page holds 256 consumers), one
 * consumer-info request per handler alone on its stream; never per message and never per
 * reader. Only these numbers are read from the listings, the rest of each answer skipped, so that
 * a pass over many idle handlers costs little. Health checks, the
 * Actuator endpoint and metrics read {@link #latest(String)}; {@link #onRefresh refresh
 * listeners} hear of every pass.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class ConsumerStatistics implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ConsumerStatistics.class);

	private final NatsHandlerContainerRegistry registry;

	private final Connection connection;

	private final JetStreamManagement management;

	private final ConsumerListing listing;

	private final Duration interval;

	private final Clock clock;

	private final Map<String, ConsumerSnapshot> latest = new ConcurrentHashMap<>();

	private final List<Runnable> refreshListeners = new CopyOnWriteArrayList<>();

	private final Object lifecycleMonitor = new Object();

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Create a new instance.
	 * @param registry the handlers
	 * @param connection the connection; nothing is asked while it is not connected
	 * @param management the management context a handler's consumer alone on its stream
	 * is read with
	 * @param options the JetStream options of the management context (API prefix or
	 * domain, request timeout), which the consumer listings are requested with
	 * @param interval how often the consumers are read
	 * @param clock the clock for the times of the snapshots
	 */
	public ConsumerStatistics(NatsHandlerContainerRegistry registry, Connection connection,
			JetStreamManagement management, JetStreamOptions options, Duration interval, Clock clock) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(management, "'management' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(), "'interval' must be positive");
		Assert.notNull(clock, "'clock' must not be null");
		this.registry = registry;
		this.connection = connection;
		this.management = management;
		this.listing = new ConsumerListing(connection, options);
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * Return the latest numbers of a handler's consumer.
	 * @param handlerId the handler id
	 * @return the numbers, or {@code null} when none were read yet
	 */
	public @Nullable ConsumerSnapshot latest(String handlerId) {
		return this.latest.get(handlerId);
	}

	/**
	 * Add a listener that runs after every background pass over the handlers' consumers,
	 * on the thread that reads them: it must return quickly and make no request to the
	 * server.
	 * @param listener the listener
	 */
	public void onRefresh(Runnable listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.refreshListeners.add(listener);
	}

	/**
	 * Return how often the consumers are read.
	 * @return the interval
	 */
	public Duration getInterval() {
		return this.interval;
	}

	/**
	 * Read every started handler's consumer now. A consumer that cannot be read keeps
	 * its previous numbers.
	 */
	public void refresh() {
		if (this.connection.getStatus() != Connection.Status.CONNECTED) {
			return;
		}
		Map<String, List<NatsHandlerContainer>> byStream = new LinkedHashMap<>();
		for (NatsHandlerContainer container : this.registry.getContainers()) {
			String stream = container.getStream();
			if (stream != null) {
				byStream.computeIfAbsent(stream, (name) -> new ArrayList<>()).add(container);
			}
		}
		byStream.forEach((stream, containers) -> {
			if (containers.size() == 1) {
				refresh(containers.get(0), stream);
			}
			else {
				refresh(stream, containers);
			}
		});
	}

	/**
	 * Read the consumers of several handlers on one stream with one listing.
	 */
	private void refresh(String stream, List<NatsHandlerContainer> containers) {
		Instant asked = this.clock.instant();
		Map<String, ConsumerListPage.Entry> consumers;
		try {
			consumers = this.listing.list(stream);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not list the consumers of stream '" + stream + "'", ex);
			return;
		}
		for (NatsHandlerContainer container : containers) {
			ConsumerListPage.Entry entry = consumers.get(container.getEndpoint().durable());
			record(container, (entry != null) ? ConsumerSnapshot.of(entry, asked) : ConsumerSnapshot.missing(asked));
		}
	}

	/**
	 * Keep a handler's latest snapshot; one that found the durable also serves as the
	 * container's idle check.
	 */
	private void record(NatsHandlerContainer container, ConsumerSnapshot snapshot) {
		this.latest.put(container.getEndpoint().id(), snapshot);
		if (snapshot.present()) {
			container.consumerFound();
		}
	}

	/**
	 * Refresh, never throwing: a scheduled task that throws is not run again.
	 */
	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the handlers' consumers", ex);
		}
		for (Runnable listener : this.refreshListeners) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of the consumers' refresh failed", ex);
			}
		}
	}

	private void refresh(NatsHandlerContainer container, String stream) {
		String durable = container.getEndpoint().durable();
		// The time the server was asked: what changed after it is not in the answer.
		Instant asked = this.clock.instant();
		try {
			record(container, ConsumerSnapshot.of(this.management.getConsumerInfo(stream, durable), asked));
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ApiErrorCodes.CONSUMER_NOT_FOUND) {
				record(container, ConsumerSnapshot.missing(asked));
			}
			else {
				logger.debug("Could not read consumer '" + stream + " > " + durable + "'", ex);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not read consumer '" + stream + " > " + durable + "'", ex);
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.executor != null) {
				return;
			}
			ScheduledExecutorService executor = Executors
				.newSingleThreadScheduledExecutor(NatsHandlerContainerRegistry.daemonThreads("nats-consumer-statistics-"));
			long millis = this.interval.toMillis();
			executor.scheduleWithFixedDelay(this::refreshQuietly, 0, millis, TimeUnit.MILLISECONDS);
			this.executor = executor;
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (this.executor != null) {
				this.executor.shutdownNow();
				this.executor = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.executor != null;
		}
	}

	/**
	 * Start after the handlers and stop before them.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return NatsHandlerContainerRegistry.PHASE + 1;
	}

}

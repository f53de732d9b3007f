package io.github.natsjetstream.listener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
import io.nats.client.ConnectionListener;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Holds one {@link NatsHandlerContainer} per registered handler and starts and stops
 * them with the application context. It runs in a late phase so that, at shutdown,
 * handlers stop before the web server and the connection drain.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerContainerRegistry implements SmartLifecycle, DisposableBean {

	/**
	 * The phase the registry runs in.
	 */
	public static final int PHASE = Integer.MAX_VALUE - 100;

	private final ContainerResources resources;

	private final ContainerOptions options;

	/**
	 * Where idle workers park without a thread.
	 */
	private final ParkedWorkers parkedWorkers;

	private final Map<String, NatsHandlerContainer> containers = Collections.synchronizedMap(new LinkedHashMap<>());

	/** The containers by durable name, guarded by {@link #containers}. */
	private final Map<String, NatsHandlerContainer> byDurable = new HashMap<>();

	private volatile boolean running;

	/**
	 * Once the client has reconnected and subscribed again, the workers pull again: a
	 * restarted server holds none of the pulls sent before.
	 */
	private final ConnectionListener resubscribed = (connection, event) -> {
		if (event == ConnectionListener.Events.RESUBSCRIBED) {
			getContainers().forEach(NatsHandlerContainer::pullsLost);
		}
	};

	/**
	 * Create a new registry.
	 * @param resources what the containers share
	 * @param options how the containers pull, stop and check their consumer
	 */
	public NatsHandlerContainerRegistry(ContainerResources resources, ContainerOptions options) {
		Assert.notNull(resources, "'resources' must not be null");
		Assert.notNull(options, "'options' must not be null");
		this.resources = resources;
		this.options = options;
		this.parkedWorkers = new ParkedWorkers(resources.connection(), resources.jetStreamOptions().getPrefix(),
				resources.scheduler(), options.idlePullExpiry(), options.pullGrace());
	}

	/**
	 * Create a scheduler fit for the containers' keep-alives and checks.
	 * @return a scheduler with one daemon thread
	 */
	public static ScheduledExecutorService createScheduler() {
		return Executors.newSingleThreadScheduledExecutor(daemonThreads("nats-handler-scheduler-"));
	}

	/**
	 * Create an executor fit for the containers' consumer checks, which make requests to
	 * the server: up to four daemon threads, which end when idle.
	 * @return the executor
	 */
	public static ExecutorService createCheckExecutor() {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				daemonThreads("nats-consumer-check-"));
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Register a handler. Its container starts with the registry if the handler starts
	 * automatically, or at once if the registry is already running.
	 * @param endpoint the handler
	 * @return the container
	 * @throws InvalidHandlerException when another handler has the same id or durable
	 */
	public NatsHandlerContainer register(NatsHandlerEndpoint endpoint) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		synchronized (this.containers) {
			NatsHandlerContainer sameId = this.containers.get(endpoint.id());
			if (sameId != null) {
				throw new InvalidHandlerException("Handlers " + sameId.getEndpoint().description() + " and "
						+ endpoint.description() + " have the same id '" + endpoint.id() + "': give one another id");
			}
			NatsHandlerContainer sameDurable = this.byDurable.get(endpoint.durable());
			if (sameDurable != null) {
				throw new InvalidHandlerException("Handlers " + sameDurable.getEndpoint().description() + " and "
						+ endpoint.description() + " resolve to the same durable consumer '" + endpoint.durable()
						+ "': give one of them another durable name");
			}
			NatsHandlerContainer container = new NatsHandlerContainer(endpoint, this.resources, this.options,
					this.parkedWorkers);
			this.containers.put(endpoint.id(), container);
			this.byDurable.put(endpoint.durable(), container);
			if (this.running && endpoint.settings().autoStartup()) {
				container.start();
			}
			return container;
		}
	}

	/**
	 * Return the container of a handler.
	 * @param id the handler id
	 * @return the container, or {@code null}
	 */
	public @Nullable NatsHandlerContainer getContainer(String id) {
		return this.containers.get(id);
	}

	/**
	 * Return every container.
	 * @return the containers
	 */
	public Collection<NatsHandlerContainer> getContainers() {
		synchronized (this.containers) {
			return List.copyOf(this.containers.values());
		}
	}

	/**
	 * Pause a handler, as {@link NatsHandlerContainer#pause()} does: it stops pulling
	 * and returns what it pulled, keeps its durable, and on servers that support it
	 * (2.11 and later) its consumer is paused on the server for every instance.
	 * @param id the handler id
	 * @throws IllegalArgumentException when no handler has that id
	 */
	public void pause(String id) {
		requireContainer(id).pause();
	}

	/**
	 * Resume a handler, as {@link NatsHandlerContainer#resume()} does.
	 * @param id the handler id
	 * @throws IllegalArgumentException when no handler has that id
	 */
	public void resume(String id) {
		requireContainer(id).resume();
	}

	private NatsHandlerContainer requireContainer(String id) {
		NatsHandlerContainer container = getContainer(id);
		if (container == null) {
			throw new IllegalArgumentException("No handler with id '" + id + "'; the handlers are "
					+ getContainers().stream().map((each) -> each.getEndpoint().id()).toList());
		}
		return container;
	}

	@Override
	public void start() {
		this.resources.connection().addConnectionListener(this.resubscribed);
		for (NatsHandlerContainer container : getContainers()) {
			if (container.getEndpoint().settings().autoStartup()) {
				container.start();
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.resources.connection().removeConnectionListener(this.resubscribed);
		getContainers().forEach(NatsHandlerContainer::stop);
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		this.resources.connection().removeConnectionListener(this.resubscribed);
		List<NatsHandlerContainer> running = new ArrayList<>(getContainers().stream()
			.filter(NatsHandlerContainer::isRunning)
			.toList());
		if (running.isEmpty()) {
			callback.run();
			return;
		}
		AtomicInteger remaining = new AtomicInteger(running.size());
		for (NatsHandlerContainer container : running) {
			container.stop(() -> {
				if (remaining.decrementAndGet() == 0) {
					callback.run();
				}
			});
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		getContainers().stream().filter(NatsHandlerContainer::isRunning).forEach(NatsHandlerContainer::stop);
		this.parkedWorkers.close();
		this.resources.scheduler().shutdownNow();
		this.resources.checks().shutdownNow();
	}

}

package io.github.natsjetstream.listener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
import io.github.natsjetstream.retry.FailureHandler;
import io.github.natsjetstream.support.ApiErrorCodes;
import io.nats.client.JetStreamSubscription;
import io.nats.client.JetStreamApiException;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.Assert;

/**
 * Runs one handler: provisions its durable pull consumer and runs {@code concurrency}
 * {@link HandlerWorker workers} on it, keeps long-running messages alive with
 * in-progress acknowledgements, recreates the durable when it is deleted from outside,
 * and stops without losing a message.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerContainer {

	private static final Log logger = LogFactory.getLog(NatsHandlerContainer.class);

	private final NatsHandlerEndpoint endpoint;

	private final ContainerResources resources;

	private final ContainerOptions options;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private volatile List<HandlerWorker> workers = List.of();

	private @Nullable ScheduledFuture<?> keepAlive;

	private @Nullable ScheduledFuture<?> consumerCheck;

	private final AtomicBoolean checkPending = new AtomicBoolean();

	private volatile @Nullable String stream;

	private volatile @Nullable ConsumerConfiguration consumerConfiguration;

	/**
	 * Create a new container.
	 * @param endpoint the handler
	 * @param resources what containers share
	 * @param options how containers pull, stop and check their consumer
	 */
	public NatsHandlerContainer(NatsHandlerEndpoint endpoint, ContainerResources resources,
			ContainerOptions options) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.notNull(resources, "'resources' must not be null");
		Assert.notNull(options, "'options' must not be null");
		this.endpoint = endpoint;
		this.resources = resources;
		this.options = options;
	}

	/**
	 * Return the handler this container runs.
	 * @return the endpoint
	 */
	public NatsHandlerEndpoint getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the stream consumed, once started.
	 * @return the stream, or {@code null} before the first start
	 */
	public @Nullable String getStream() {
		return this.stream;
	}

	/**
	 * Return the state of each worker: running, or failing since when and why.
	 * @return the workers' states, empty when the container never started
	 */
	public List<WorkerState> getWorkerStates() {
		return this.workers.stream().map(WorkerState::of).toList();
	}

	/**
	 * Return whether the container is running.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Provision the consumer and start the workers.
	 */
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			HandlerSettings settings = this.endpoint.settings();
			String stream = (this.endpoint.stream() != null) ? this.endpoint.stream()
					: StreamLocator.locate(this.resources.management(), this.endpoint.subjects(),
							this.endpoint.description());
			this.stream = stream;
			boolean multipleFilters = this.resources.connection().getServerInfo().isSameOrNewerThanVersion("2.10.0");
			this.consumerConfiguration = ConsumerConfigurationFactory.create(this.endpoint, multipleFilters);
			this.resources.provisioner()
				.provisionConsumer(stream, this.consumerConfiguration, this.endpoint.description());
			FailureHandler failureHandler = new FailureHandler(this.endpoint.description(), this.endpoint.durable(),
					settings.maxDeliver(), settings.backoff(), settings.errorClassifier(),
					this.resources.deadLetterRecoverer(),
					settings.deadLetterSubject(stream, this.endpoint.durable()), this.resources.clock());
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("nats-" + this.endpoint.id() + "-");
			executor.setVirtualThreads(this.options.virtualThreads());
			int batch = this.options.batchSize(settings.maxAckPending(), settings.concurrency());
			List<HandlerWorker> workers = new ArrayList<>(settings.concurrency());
			for (int i = 0; i < settings.concurrency(); i++) {
				PullTracker pulls = new PullTracker(batch, this.options.pullExpiry().toNanos(),
						this.options.pullGrace().toNanos(), this.options.maxOutstandingPulls());
				workers.add(new HandlerWorker(this.endpoint.id() + "-" + i, this::subscribe, pulls, this.options,
						this.endpoint.invoker(), failureHandler, this::checkConsumerSoon));
			}
			this.workers = List.copyOf(workers);
			this.running = true;
			workers.forEach(executor::execute);
			scheduleKeepAlive(settings, this.workers);
			scheduleConsumerCheck(this.workers);
			logger.info("Handler " + this.endpoint.description() + " consuming " + this.endpoint.subjects() + " from '"
					+ stream + " > " + this.endpoint.durable() + "' with " + settings.concurrency() + " worker(s)");
		}
	}

	/**
	 * Stop: no more pulls, handlers in progress finish within the shutdown timeout, and
	 * pulled messages not yet started are returned to the server.
	 * @param callback called once stopped
	 */
	public void stop(Runnable callback) {
		List<HandlerWorker> stopping;
		ScheduledFuture<?> keepAlive;
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				callback.run();
				return;
			}
			this.running = false;
			cancel(this.consumerCheck);
			keepAlive = this.keepAlive;
			stopping = this.workers;
			stopping.forEach(HandlerWorker::stop);
		}
		Thread waiter = new Thread(() -> {
			try {
				awaitWorkers(stopping);
			}
			finally {
				// Handlers in progress are kept alive until they finish, so that no other
				// instance gets their messages meanwhile.
				cancel(keepAlive);
				callback.run();
			}
		}, "nats-" + this.endpoint.id() + "-stop");
		waiter.start();
	}

	/**
	 * Stop and wait until stopped.
	 */
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		stop(stopped::countDown);
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitWorkers(List<HandlerWorker> workers) {
		long deadline = System.nanoTime() + this.options.shutdownTimeout().toNanos();
		for (HandlerWorker worker : workers) {
			try {
				long remaining = deadline - System.nanoTime();
				if (!worker.awaitFinished(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
					logger.warn("Handler " + this.endpoint.description() + " did not finish within "
							+ this.options.shutdownTimeout()
							+ " (nats.jetstream.shutdown-timeout); its message will be redelivered after the ack wait");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Keep the messages in hand alive. In-progress acknowledgements are published without
	 * waiting for a reply, so the shared scheduler never waits on the server.
	 */
	private void scheduleKeepAlive(HandlerSettings settings, List<HandlerWorker> workers) {
		long afterNanos = this.options.keepAliveAfter(settings.ackWait()).toNanos();
		long period = this.options.keepAlivePeriod(settings.ackWait()).toMillis();
		this.keepAlive = this.resources.scheduler().scheduleAtFixedRate(() -> {
			for (HandlerWorker worker : workers) {
				worker.keepAlive(afterNanos);
			}
		}, period, period, TimeUnit.MILLISECONDS);
	}

	private void scheduleConsumerCheck(List<HandlerWorker> workers) {
		long interval = this.options.consumerCheckInterval().toMillis();
		long idle = this.options.consumerCheckInterval().toNanos();
		this.consumerCheck = this.resources.scheduler().scheduleWithFixedDelay(() -> {
			if (workers.stream().allMatch((worker) -> worker.isIdleFor(idle))) {
				checkConsumerSoon();
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Check the consumer on the checks' own executor, at most one check at a time: a
	 * slow server then delays neither keep-alives nor a stop.
	 */
	private void checkConsumerSoon() {
		if (this.running && this.checkPending.compareAndSet(false, true)) {
			this.resources.checks().execute(() -> {
				try {
					checkConsumer();
				}
				finally {
					this.checkPending.set(false);
				}
			});
		}
	}

	/**
	 * Recreate the durable if it was deleted from outside. Makes its requests without
	 * holding the lifecycle lock.
	 */
	private void checkConsumer() {
		String stream = this.stream;
		ConsumerConfiguration configuration = this.consumerConfiguration;
		if (!this.running || stream == null || configuration == null) {
			return;
		}
		try {
			this.resources.management().getConsumerInfo(stream, this.endpoint.durable());
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ApiErrorCodes.CONSUMER_NOT_FOUND && this.running) {
				recreate(stream, configuration);
			}
		}
		catch (IOException | RuntimeException ex) {
			// Disconnected or timed out: the client reconnects and resumes by itself.
			logger.debug("Could not check consumer of handler " + this.endpoint.description(), ex);
		}
	}

	private static void cancel(@Nullable ScheduledFuture<?> task) {
		if (task != null) {
			task.cancel(false);
		}
	}

	private void recreate(String stream, ConsumerConfiguration configuration) {
		logger.warn("Consumer '" + stream + " > " + this.endpoint.durable() + "' of handler "
				+ this.endpoint.description() + " was deleted from outside; recreating it");
		try {
			this.resources.provisioner().provisionConsumer(stream, configuration, this.endpoint.description());
		}
		catch (RuntimeException ex) {
			logger.error("Could not recreate consumer '" + stream + " > " + this.endpoint.durable() + "'; will retry",
					ex);
		}
	}

	private JetStreamSubscription subscribe() throws IOException, JetStreamApiException {
		String stream = this.stream;
		Assert.state(stream != null, "Not started");
		return this.resources.jetStream()
			.subscribe(null, PullSubscribeOptions.fastBind(stream, this.endpoint.durable()));
	}

}

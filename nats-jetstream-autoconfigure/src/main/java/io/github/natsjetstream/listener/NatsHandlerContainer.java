package io.github.natsjetstream.listener;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.natsjetstream.config.BatchHandlerInvoker;
import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
import io.github.natsjetstream.config.PriorityPolicySetting;
import io.github.natsjetstream.observation.NatsHandlerMdc;
import io.github.natsjetstream.retry.DeadLetterTally;
import io.github.natsjetstream.retry.FailureHandler;
import io.github.natsjetstream.retry.HandlerFailure;
import io.github.natsjetstream.support.ApiErrorCodes;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
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
 * <p>
 * A running container can be {@link #pause() paused} and {@link #resume() resumed}: its
 * workers stop and start again while the durable and everything the container
 * schedules stay. On servers that support it the consumer is paused on the server too,
 * so that every instance of the application pauses.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerContainer {

	private static final Log logger = LogFactory.getLog(NatsHandlerContainer.class);

	/**
	 * How long a pause of the consumer on the server lasts: until it is resumed.
	 */
	private static final Duration SERVER_PAUSE = Duration.ofDays(100L * 365);

	private final NatsHandlerEndpoint endpoint;

	private final ContainerResources resources;

	private final ContainerOptions options;

	private final @Nullable ParkedWorkers parkedWorkers;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private volatile boolean paused;

	private volatile @Nullable Instant pausedOnServerAt;

	private volatile Instant pauseChangedAt = Instant.EPOCH;

	private volatile List<HandlerWorker> workers = List.of();

	private volatile @Nullable FailureHandler failureHandler;

	private volatile @Nullable HandlerObservations observations;

	private final DeadLetterTally deadLetters = new DeadLetterTally();

	private @Nullable ScheduledFuture<?> keepAlive;

	private volatile long lastIdleCheckNanos;

	private @Nullable ScheduledFuture<?> consumerCheck;

	private final AtomicBoolean checkPending = new AtomicBoolean();

	private volatile @Nullable String stream;

	/**
	 * Create a new container.
	 * @param endpoint the handler
	 * @param resources what containers share
	 * @param options how containers pull, stop and check their consumer
	 */
	public NatsHandlerContainer(NatsHandlerEndpoint endpoint, ContainerResources resources,
			ContainerOptions options) {
		this(endpoint, resources, options, null);
	}

	/**
	 * Create a new container whose idle workers park without a thread.
	 * @param endpoint the handler
	 * @param resources what containers share
	 * @param options how containers pull, stop and check their consumer
	 * @param parkedWorkers where idle workers park, or {@code null} for idle workers that
	 * keep their thread
	 */
	NatsHandlerContainer(NatsHandlerEndpoint endpoint, ContainerResources resources, ContainerOptions options,
			@Nullable ParkedWorkers parkedWorkers) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.notNull(resources, "'resources' must not be null");
		Assert.notNull(options, "'options' must not be null");
		this.endpoint = endpoint;
		this.resources = resources;
		this.options = options;
		this.parkedWorkers = parkedWorkers;
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
	 * Return whether the container is running (started and not stopped), paused or not.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Return whether the container is paused here. Its consumer may also have been
	 * paused on the server by another instance, which this container does not know.
	 * @return whether it is paused
	 */
	public boolean isPaused() {
		return this.paused;
	}

	/**
	 * Return when the container was last paused or resumed here.
	 * @return the time, {@link Instant#EPOCH} if never
	 */
	Instant pauseChangedAt() {
		return this.pauseChangedAt;
	}

	/**
	 * Return how many messages the handler dead-lettered, by reason, since the
	 * container was created.
	 * @return the tally
	 */
	public DeadLetterTally getDeadLetterTally() {
		return this.deadLetters;
	}

	/**
	 * Return the last failure of the handler since the container started.
	 * @return the failure, or {@code null}
	 */
	public @Nullable HandlerFailure getLastFailure() {
		FailureHandler failureHandler = this.failureHandler;
		return (failureHandler != null) ? failureHandler.getLastFailure() : null;
	}

	/**
	 * Return when a worker last received or handled a message, or started if none has.
	 * @return the {@link System#nanoTime()} of the last activity, or
	 * {@link HandlerWorker#NEVER} when the container never started
	 */
	long lastActivityNanos() {
		return this.workers.stream().mapToLong(HandlerWorker::lastActivityNanos).max().orElse(HandlerWorker.NEVER);
	}

	/**
	 * Return when a handler invocation last ended.
	 * @return the {@link System#nanoTime()}, or {@link HandlerWorker#NEVER}
	 */
	long lastHandledNanos() {
		return this.workers.stream().mapToLong(HandlerWorker::lastHandledNanos).max().orElse(HandlerWorker.NEVER);
	}

	/**
	 * Provision the consumer and start the workers, unless the container is paused.
	 */
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			HandlerSettings settings = this.endpoint.settings();
			String stream = (this.endpoint.stream() != null) ? this.endpoint.stream()
					: this.resources.streams().locate(this.endpoint.subjects(), this.endpoint.description());
			String deadLetterSubject = settings.deadLetterSubject(stream, this.endpoint.durable());
			checkCaptured(deadLetterSubject, settings);
			this.stream = stream;
			this.resources.provisioner()
				.provisionConsumer(stream, consumerConfiguration(), this.endpoint.description(), requiredFeatures());
			this.failureHandler = new FailureHandler(this.endpoint.description(), this.endpoint.durable(),
					settings.maxDeliver(), settings.backoff(), settings.errorClassifier(),
					this.resources.deadLetterRecoverer(), deadLetterSubject, this.resources.clock(), this.deadLetters);
			this.observations = new HandlerObservations(this.resources.observationRegistry(),
					this.resources.observationConvention(), this.resources.handlerTimers(), this.endpoint.id(), stream);
			this.running = true;
			if (!this.paused) {
				startWorkers();
			}
			scheduleKeepAlive(settings);
			scheduleConsumerCheck();
			logger.info("Handler " + this.endpoint.description() + " consuming " + this.endpoint.subjects() + " from '"
					+ stream + " > " + this.endpoint.durable() + "' with " + settings.concurrency() + " worker(s)"
					+ (this.paused ? ", paused" : ""));
		}
	}

	/**
	 * Build the consumer's configuration. Built again for a recreation rather than kept:
	 * an idle container holds nothing that only its start needs.
	 */
	private ConsumerConfiguration consumerConfiguration() {
		boolean multipleFilters = this.resources.features().supports(ServerFeature.MULTIPLE_FILTER_SUBJECTS);
		return ConsumerConfigurationFactory.create(this.endpoint, multipleFilters);
	}

	/**
	 * Return the server features the consumer needs, by the setting that needs each.
	 */
	private Map<String, ServerFeature> requiredFeatures() {
		HandlerSettings settings = this.endpoint.settings();
		if (settings.priorityPolicy() == PriorityPolicySetting.NONE) {
			return Map.of();
		}
		String setting = settings.sourceOf("priorityPolicy").describe(this.endpoint.id(), "priorityPolicy");
		return Map.of(setting, ServerFeature.PRIORITY_GROUPS);
	}

	/**
	 * Hand the pin over at once when this instance held it, rather than leave the others
	 * waiting for the pin timeout.
	 */
	private void unpinIfPinned(List<HandlerWorker> workers) {
		String stream = this.stream;
		if (stream == null || workers.stream().noneMatch(HandlerWorker::wasPinned)) {
			return;
		}
		try {
			this.resources.management()
				.unpinConsumer(stream, this.endpoint.durable(), ConsumerConfigurationFactory.PRIORITY_GROUP);
			logger.info("Handler " + this.endpoint.description() + " handed over its pin on '" + stream + " > "
					+ this.endpoint.durable() + "'");
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			logger.warn("Handler " + this.endpoint.description() + " could not hand over its pin; another instance "
					+ "gets it after the pin timeout: " + ex.getMessage());
		}
	}

	/**
	 * Refuse to start a handler whose dead letters no stream would keep: every message
	 * it gives up on would be retried for ever.
	 */
	private void checkCaptured(String deadLetterSubject, HandlerSettings settings) {
		if (this.resources.streams().capturing(List.of(deadLetterSubject), this.endpoint.description()).isEmpty()) {
			throw new InvalidHandlerException("No stream captures the dead-letter subject '" + deadLetterSubject
					+ "' of handler " + this.endpoint.description() + " (from "
					+ settings.sourceOf("deadLetter").describe(this.endpoint.id(), "deadLetter")
					+ "): messages it gives up on could never be dead-lettered. Choose a subject that the dead-letter "
					+ "stream captures (nats.jetstream.dead-letter.subjects), or add it there.");
		}
	}

	/**
	 * Start a new set of workers. Called with the lifecycle lock held.
	 */
	private void startWorkers() {
		HandlerSettings settings = this.endpoint.settings();
		FailureHandler failureHandler = this.failureHandler;
		HandlerObservations observations = this.observations;
		Assert.state(failureHandler != null && observations != null, "Not started");
		NatsHandlerMdc mdc = new NatsHandlerMdc(this.endpoint.id());
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("nats-" + this.endpoint.id() + "-");
		executor.setVirtualThreads(this.options.virtualThreads());
		int batch = this.options.batchSize(settings.maxAckPending(), settings.concurrency());
		WorkerPulls pullRequests = WorkerPulls.of(batch, this.options.pullExpiry(), settings.priorityPolicy(),
				settings.overflowThreshold());
		String stream = this.stream;
		Assert.state(stream != null, "Not started");
		HandlerWorker.Parking parking = new HandlerWorker.Parking(executor, this.parkedWorkers,
				(this.parkedWorkers != null) ? this.parkedWorkers.pullSubject(stream, this.endpoint.durable()) : "");
		List<HandlerWorker> workers = new ArrayList<>(settings.concurrency());
		for (int i = 0; i < settings.concurrency(); i++) {
			PullTracker pulls = new PullTracker(batch, this.options.pullExpiry().toNanos(),
					this.options.idlePullExpiry().toNanos(), this.options.pullGrace().toNanos(),
					this.options.maxOutstandingPulls());
			String name = this.endpoint.id() + "-" + i;
			workers.add((this.endpoint.invoker() instanceof BatchHandlerInvoker batchInvoker)
					? new HandlerWorker(name, this::subscribe, pulls, pullRequests, parking, this.options, batchInvoker,
							settings.batchSize(), settings.batchWait(), failureHandler, this::checkConsumerSoon,
							observations, mdc)
					: new HandlerWorker(name, this::subscribe, pulls, pullRequests, parking, this.options,
							this.endpoint.invoker(), failureHandler, this::checkConsumerSoon, observations, mdc));
		}
		this.workers = List.copyOf(workers);
		workers.forEach(HandlerWorker::start);
	}

	/**
	 * Pause: the workers stop pulling and return the messages they pulled but did not
	 * start, as a stop does; the durable stays. On servers that support it (2.11 and
	 * later) the consumer is paused on the server too, so that no instance of the
	 * application receives its messages until it is resumed. Returns once the handlers
	 * in progress have finished, within the shutdown timeout. A container that is not
	 * running starts paused.
	 * @throws NatsJetStreamException when the consumer could not be paused on the
	 * server; the container is paused here nonetheless
	 */
	public void pause() {
		List<HandlerWorker> pausing;
		synchronized (this.lifecycleMonitor) {
			if (this.paused) {
				return;
			}
			this.paused = true;
			this.pauseChangedAt = this.resources.clock().instant();
			pausing = this.running ? this.workers : List.of();
			pausing.forEach(HandlerWorker::stop);
		}
		logger.info("Handler " + this.endpoint.description() + " paused");
		try {
			pauseOnServer();
		}
		finally {
			awaitWorkers(pausing);
		}
	}

	/**
	 * Resume: new workers start pulling, and on servers that support it the consumer is
	 * resumed on the server too, also when another instance paused it there.
	 * @throws NatsJetStreamException when the consumer could not be resumed on the
	 * server; the container runs here nonetheless
	 */
	public void resume() {
		try {
			// On the server first: a pull sent to a consumer still paused there may wait
			// until the server ends it, however many messages are pending.
			resumeOnServer();
		}
		finally {
			synchronized (this.lifecycleMonitor) {
				resumeHere();
			}
			// A consumer found paused on the server by a request sent before now is no
			// longer paused.
			this.pauseChangedAt = this.resources.clock().instant();
		}
	}

	/**
	 * Resume here. Called with the lifecycle lock held.
	 */
	private void resumeHere() {
		boolean wasPaused = this.paused;
		this.paused = false;
		this.pausedOnServerAt = null;
		this.pauseChangedAt = this.resources.clock().instant();
		if (wasPaused) {
			logger.info("Handler " + this.endpoint.description() + " resumed");
			if (this.running) {
				startWorkers();
			}
		}
	}

	private void pauseOnServer() {
		String stream = this.stream;
		if (stream == null || !serverSupportsConsumerPause()) {
			return;
		}
		try {
			this.resources.management()
				.pauseConsumer(stream, this.endpoint.durable(),
						ZonedDateTime.now(this.resources.clock()).plus(SERVER_PAUSE));
			this.pausedOnServerAt = this.resources.clock().instant();
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException("Handler " + this.endpoint.description()
					+ " is paused here, but its consumer '" + stream + " > " + this.endpoint.durable()
					+ "' could not be paused on the server, so other instances still receive its messages: "
					+ ex.getMessage(), ex);
		}
	}

	private void resumeOnServer() {
		String stream = this.stream;
		if (stream == null || !serverSupportsConsumerPause()) {
			return;
		}
		try {
			this.resources.management().resumeConsumer(stream, this.endpoint.durable());
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException("Handler " + this.endpoint.description()
					+ " runs here, but its consumer '" + stream + " > " + this.endpoint.durable()
					+ "' could not be resumed on the server, so it receives no messages until it is: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Return whether the server can pause a consumer (nats-server 2.11 and later).
	 */
	private boolean serverSupportsConsumerPause() {
		return this.resources.features().supports(ServerFeature.CONSUMER_PAUSE);
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
				unpinIfPinned(stopping);
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
	 * Tell the workers that the server may have lost their outstanding pulls: the client
	 * reconnected, and a restarted server holds no pull sent before. They pull again at
	 * once.
	 */
	void pullsLost() {
		this.workers.forEach(HandlerWorker::pullsLost);
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
	 * waiting for a reply, so the shared scheduler never waits on the server. The workers
	 * are read at every run: a resume replaces them. Runs at the same times as every other
	 * container's keep-alive of the same period.
	 */
	private void scheduleKeepAlive(HandlerSettings settings) {
		long afterNanos = this.options.keepAliveAfter(settings.ackWait()).toNanos();
		long period = this.options.keepAlivePeriod(settings.ackWait()).toMillis();
		this.keepAlive = this.resources.scheduler().scheduleAtFixedRate(() -> {
			for (HandlerWorker worker : this.workers) {
				worker.keepAlive(afterNanos);
			}
		}, ContainerOptions.alignedDelay(period, System.nanoTime()), period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Check the consumer now and then: while paused, whether it was resumed on the
	 * server; while running and idle for long, that it still exists, unless the consumer
	 * statistics found it meanwhile ({@link #consumerFound()}). Runs at the same times as
	 * every other container's check.
	 */
	private void scheduleConsumerCheck() {
		long interval = this.options.consumerCheckInterval().toMillis();
		long idle = this.options.idleConsumerCheckInterval().toNanos();
		this.lastIdleCheckNanos = System.nanoTime();
		this.consumerCheck = this.resources.scheduler().scheduleAtFixedRate(() -> {
			if (this.paused) {
				checkConsumerSoon();
				return;
			}
			long now = System.nanoTime();
			if (now - this.lastIdleCheckNanos > idle
					&& this.workers.stream().allMatch((worker) -> worker.isIdleFor(idle))) {
				this.lastIdleCheckNanos = now;
				checkConsumerSoon();
			}
		}, ContainerOptions.alignedDelay(interval, System.nanoTime()), interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Take a reading that found the durable, made elsewhere ({@link ConsumerStatistics}),
	 * for the idle check: it tells what the check would ask, so the container skips its
	 * own request until the idle check interval has passed again without one.
	 */
	void consumerFound() {
		this.lastIdleCheckNanos = System.nanoTime();
	}

	/**
	 * Return when the consumer was last known to exist without a request of the
	 * container's own: its idle check, or a reading of the consumer statistics.
	 * @return the {@link System#nanoTime()}
	 */
	long lastIdleCheckNanos() {
		return this.lastIdleCheckNanos;
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
	 * Recreate the durable if it was deleted from outside, and resume if the consumer
	 * this container paused on the server was resumed there. Makes its requests without
	 * holding the lifecycle lock.
	 */
	private void checkConsumer() {
		String stream = this.stream;
		if (!this.running || stream == null) {
			return;
		}
		Instant asked = this.resources.clock().instant();
		try {
			ConsumerInfo info = this.resources.management().getConsumerInfo(stream, this.endpoint.durable());
			followResumeOnServer(info, asked);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ApiErrorCodes.CONSUMER_NOT_FOUND && this.running) {
				recreate(stream);
			}
		}
		catch (IOException | RuntimeException ex) {
			// Disconnected or timed out: the client reconnects and resumes by itself.
			logger.debug("Could not check consumer of handler " + this.endpoint.description(), ex);
		}
	}

	/**
	 * Resume here when the consumer that this container paused on the server is no
	 * longer paused there (another instance or an operator resumed it), as seen by a
	 * request sent after the pause.
	 */
	private void followResumeOnServer(ConsumerInfo info, Instant asked) {
		Instant pausedOnServer = this.pausedOnServerAt;
		if (!this.paused || pausedOnServer == null || info.getPaused() || !asked.isAfter(pausedOnServer)) {
			return;
		}
		synchronized (this.lifecycleMonitor) {
			if (this.paused && pausedOnServer.equals(this.pausedOnServerAt)) {
				logger.info("Consumer '" + this.stream + " > " + this.endpoint.durable() + "' of handler "
						+ this.endpoint.description() + " was resumed on the server");
				resumeHere();
			}
		}
	}

	private static void cancel(@Nullable ScheduledFuture<?> task) {
		if (task != null) {
			task.cancel(false);
		}
	}

	private void recreate(String stream) {
		logger.warn("Consumer '" + stream + " > " + this.endpoint.durable() + "' of handler "
				+ this.endpoint.description() + " was deleted from outside; recreating it");
		try {
			this.resources.provisioner()
				.provisionConsumer(stream, consumerConfiguration(), this.endpoint.description(), requiredFeatures());
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

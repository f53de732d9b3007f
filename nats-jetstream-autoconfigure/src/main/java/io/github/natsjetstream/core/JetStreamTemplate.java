package io.github.natsjetstream.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

import io.github.natsjetstream.observation.DefaultNatsPublishObservationConvention;
import io.github.natsjetstream.observation.NatsPublishContext;
import io.github.natsjetstream.observation.NatsPublishObservation;
import io.github.natsjetstream.observation.NatsPublishObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.Assert;

/**
 * Publishes to JetStream streams and returns their acknowledgement. Payloads are
 * converted with the {@link MessageConverter} that converts handler arguments
 * ({@code byte[]} and {@code String} as they are, other objects as JSON), and their
 * {@code Content-Type} is set:
 * <pre class="code">
 * PublishAck ack = template.publish("orders.created", order);
 * template.publishAsync("orders.created", order, NatsPublishOptions.builder().messageId(order.id()).build())
 *     .thenAccept((ack) -&gt; log.info("stored as {}", ack.getSeqno()));
 * </pre>
 * Failures are {@link NatsPublishException}s that say which failure it was: no stream
 * for the subject, a message too large, an expectation that did not hold, a timeout.
 * Nothing is retried.
 * <p>
 * Asynchronous publishes are bounded: at most {@link #setMaxInFlight(int) max-in-flight}
 * of them await their acknowledgement at any time; a further one waits for a place, up to
 * the {@link #setMaxInFlightTimeout(Duration) max-in-flight timeout}, and then fails
 * without being sent. Their futures complete on a thread of the connection: stages that
 * block (a synchronous publish among them) belong in the {@code ...Async} variants of
 * {@link CompletableFuture}.
 * <p>
 * Each publish is a {@code nats.publish} Micrometer
 * {@linkplain NatsPublishObservation observation} when an {@link ObservationRegistry} is
 * set, which also writes the trace context into the message headers.
 * <p>
 * Thread-safe once configured; configure it before the first publish.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class JetStreamTemplate {

	/**
	 * Default maximum number of asynchronous publishes awaiting acknowledgement.
	 */
	public static final int DEFAULT_MAX_IN_FLIGHT = 4096;

	/**
	 * Default time an asynchronous publish waits for a place in flight.
	 */
	public static final Duration DEFAULT_MAX_IN_FLIGHT_TIMEOUT = Duration.ofSeconds(5);

	private final Connection connection;

	private final JetStream jetStream;

	private final OutgoingMessageWriter messageWriter;

	private final PublishChecks checks;

	private final PublishErrorTranslator errorTranslator;

	private final AckTimeouts ackTimeouts = new AckTimeouts();

	private Duration timeout = JetStreamOptions.DEFAULT_TIMEOUT;

	private PublishOptions timeoutOptions = timeoutOptions(this.timeout);

	private InFlightLimit inFlight = new InFlightLimit(DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT_TIMEOUT);

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable NatsPublishObservationConvention observationConvention;

	/**
	 * Create a new template.
	 * @param connection the connection
	 * @param jetStream the JetStream context to publish with
	 * @param management the JetStream management context, to name the stream in errors
	 * @param messageConverter the converter of payloads to bytes
	 */
	public JetStreamTemplate(Connection connection, JetStream jetStream, JetStreamManagement management,
			MessageConverter messageConverter) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(jetStream, "'jetStream' must not be null");
		Assert.notNull(management, "'management' must not be null");
		Assert.notNull(messageConverter, "'messageConverter' must not be null");
		StreamLookup streams = new StreamLookup(management);
		this.connection = connection;
		this.jetStream = jetStream;
		this.messageWriter = new OutgoingMessageWriter(messageConverter);
		this.checks = new PublishChecks(connection, streams);
		this.errorTranslator = new PublishErrorTranslator(connection, streams);
	}

	/**
	 * Set how long to wait for a stream's acknowledgement when the options of a publish
	 * set no timeout.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.timeout = timeout;
		this.timeoutOptions = timeoutOptions(timeout);
	}

	/**
	 * Set the maximum number of asynchronous publishes that await their acknowledgement.
	 * @param maxInFlight the maximum, at least 1
	 */
	public void setMaxInFlight(int maxInFlight) {
		this.inFlight = new InFlightLimit(maxInFlight, this.inFlight.timeout());
	}

	/**
	 * Set how long an asynchronous publish waits for a place when the maximum number
	 * await their acknowledgement, before it fails without being sent.
	 * @param maxInFlightTimeout the timeout; zero to fail at once
	 */
	public void setMaxInFlightTimeout(Duration maxInFlightTimeout) {
		Assert.notNull(maxInFlightTimeout, "'maxInFlightTimeout' must not be null");
		this.inFlight = new InFlightLimit(this.inFlight.maxInFlight(), maxInFlightTimeout);
	}

	/**
	 * Set the registry of the {@code nats.publish} observations.
	 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP} (the
	 * default) observes nothing
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention of the {@code nats.publish} observations.
	 * @param observationConvention the convention, or {@code null} for
	 * {@link DefaultNatsPublishObservationConvention}
	 */
	public void setObservationConvention(@Nullable NatsPublishObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Return the number of asynchronous publishes that await their acknowledgement.
	 * @return the number in flight
	 */
	public int getInFlight() {
		return this.inFlight.inFlight();
	}

	/**
	 * Publish a message and wait for the stream to acknowledge it.
	 * @param subject the subject
	 * @param payload the payload: {@code byte[]}, {@code String}, or an object to
	 * convert
	 * @return the stream's acknowledgement
	 * @throws NatsPublishException when the message was not sent or not acknowledged
	 */
	public PublishAck publish(String subject, Object payload) {
		return publish(subject, payload, NatsPublishOptions.none());
	}

	/**
	 * Publish a message with options and wait for the stream to acknowledge it.
	 * @param subject the subject
	 * @param payload the payload: {@code byte[]}, {@code String}, or an object to
	 * convert
	 * @param options the options
	 * @return the stream's acknowledgement
	 * @throws NatsPublishException when the message was not sent or not acknowledged
	 */
	public PublishAck publish(String subject, Object payload, NatsPublishOptions options) {
		validate(subject, payload, options);
		Duration timeout = (options.getTimeout() != null) ? options.getTimeout() : this.timeout;
		boolean observed = !this.observationRegistry.isNoop();
		OutgoingMessage message = null;
		Observation observation = Observation.NOOP;
		try {
			message = this.messageWriter.write(subject, payload, options, observed);
			observation = observation(subject, message.headers());
			this.checks.check(subject, message.size(), options);
			PublishOptions publishOptions = (options.getTimeout() != null) ? timeoutOptions(timeout)
					: this.timeoutOptions;
			PublishAck ack = this.jetStream.publish(subject, message.headers(), message.body(), publishOptions);
			Assert.state(ack != null, "The JetStream context publishes without acknowledgement (publishNoAck)");
			acknowledged(observation, ack);
			return ack;
		}
		catch (Exception ex) {
			if (message == null) {
				observation = observation(subject, new Headers());
			}
			throw failed(observation, new PublishRequest(subject, message, options, timeout), ex);
		}
	}

	/**
	 * Publish a message without waiting for the acknowledgement. Waits for a place when
	 * the maximum number of publishes are in flight.
	 * @param subject the subject
	 * @param payload the payload: {@code byte[]}, {@code String}, or an object to
	 * convert
	 * @return a future of the stream's acknowledgement, failed with a
	 * {@link NatsPublishException} when the message was not sent or not acknowledged
	 */
	public CompletableFuture<PublishAck> publishAsync(String subject, Object payload) {
		return publishAsync(subject, payload, NatsPublishOptions.none());
	}

	/**
	 * Publish a message with options without waiting for the acknowledgement. Waits for
	 * a place when the maximum number of publishes are in flight.
	 * @param subject the subject
	 * @param payload the payload: {@code byte[]}, {@code String}, or an object to
	 * convert
	 * @param options the options
	 * @return a future of the stream's acknowledgement, failed with a
	 * {@link NatsPublishException} when the message was not sent or not acknowledged
	 */
	public CompletableFuture<PublishAck> publishAsync(String subject, Object payload, NatsPublishOptions options) {
		validate(subject, payload, options);
		Duration timeout = (options.getTimeout() != null) ? options.getTimeout() : this.timeout;
		boolean observed = !this.observationRegistry.isNoop();
		InFlightLimit inFlight = this.inFlight;
		OutgoingMessage message = null;
		Observation observation = Observation.NOOP;
		boolean placed = false;
		try {
			message = this.messageWriter.write(subject, payload, options, observed);
			observation = observation(subject, message.headers());
			this.checks.check(subject, message.size(), options);
			inFlight.acquire(subject);
			placed = true;
			CompletableFuture<PublishAck> sent = this.jetStream.publishAsync(subject, message.headers(),
					message.body());
			Assert.state(sent != null, "The JetStream context publishes without acknowledgement (publishNoAck)");
			this.ackTimeouts.track(sent, timeout);
			AsyncPublish result = new AsyncPublish(subject, message, options, timeout, observation, inFlight);
			sent.whenComplete(result);
			return result;
		}
		catch (Exception ex) {
			if (placed) {
				inFlight.release();
			}
			if (message == null) {
				observation = observation(subject, new Headers());
			}
			return CompletableFuture
				.failedFuture(failed(observation, new PublishRequest(subject, message, options, timeout), ex));
		}
	}

	private static void validate(String subject, Object payload, NatsPublishOptions options) {
		Assert.hasText(subject, "'subject' must not be empty");
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(options, "'options' must not be null");
	}

	private static PublishOptions timeoutOptions(Duration timeout) {
		return PublishOptions.builder().streamTimeout(timeout).build();
	}

	private Observation observation(String subject, Headers headers) {
		if (this.observationRegistry.isNoop()) {
			return Observation.NOOP;
		}
		return NatsPublishObservation.PUBLISH
			.observation(this.observationConvention, DefaultNatsPublishObservationConvention.INSTANCE,
					() -> new NatsPublishContext(subject, headers), this.observationRegistry)
			.start();
	}

	private static void acknowledged(Observation observation, PublishAck ack) {
		if (observation.getContext() instanceof NatsPublishContext context) {
			context.setAck(ack);
		}
		observation.stop();
	}

	private NatsPublishException failed(Observation observation, PublishRequest request, Throwable ex) {
		NatsPublishException failure = this.errorTranslator.translate(ex, request);
		failed(observation, failure);
		return failure;
	}

	private static void failed(Observation observation, NatsPublishException failure) {
		if (observation.getContext() instanceof NatsPublishContext context) {
			context.setFailure(failure.getReason().outcome(), failure.getStream());
		}
		observation.error(failure);
		observation.stop();
	}

	private void execute(Runnable task) {
		Executor executor = this.connection.getOptions().getExecutor();
		try {
			executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			task.run();
		}
	}

	/**
	 * The future of an asynchronous publish, completed by the acknowledgement of the sent
	 * message: one object for the future and for the callback that completes it.
	 */
	private final class AsyncPublish extends CompletableFuture<PublishAck>
			implements BiConsumer<PublishAck, Throwable> {

		private final String subject;

		private final OutgoingMessage message;

		private final NatsPublishOptions options;

		private final Duration timeout;

		private final Observation observation;

		private final InFlightLimit inFlight;

		AsyncPublish(String subject, OutgoingMessage message, NatsPublishOptions options, Duration timeout,
				Observation observation, InFlightLimit inFlight) {
			this.subject = subject;
			this.message = message;
			this.options = options;
			this.timeout = timeout;
			this.observation = observation;
			this.inFlight = inFlight;
		}

		@Override
		public void accept(PublishAck ack, @Nullable Throwable ex) {
			this.inFlight.release();
			if (ex == null) {
				acknowledged(this.observation, ack);
				complete(ack);
			}
			else {
				// The translation may ask the server about the stream: not on the
				// connection's thread that delivers its answer.
				PublishRequest request = new PublishRequest(this.subject, this.message, this.options, this.timeout);
				execute(() -> completeExceptionally(failed(this.observation, request, ex)));
			}
		}

	}

}

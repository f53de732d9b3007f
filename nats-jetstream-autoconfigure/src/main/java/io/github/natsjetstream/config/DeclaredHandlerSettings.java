package io.github.natsjetstream.config;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.github.natsjetstream.retry.ListBackoff;
import io.github.natsjetstream.retry.RetryBackoff;
import io.github.natsjetstream.support.PropertyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The settings of a handler as declared in one place: by the configuration properties
 * {@code nats.jetstream.handlers.<id>.*}, by the attributes of its
 * {@link io.github.natsjetstream.annotation.NatsHandler @NatsHandler}, or by the consumer
 * defaults. A {@code null} value is not declared there. {@link HandlerSettingsResolver}
 * merges the three, property over attribute over default.
 *
 * @param concurrency the number of messages handled in parallel
 * @param maxDeliver the maximum number of deliveries of one message before it is
 * dead-lettered
 * @param backoff the delays before the redeliveries of a failed message
 * @param ackWait the time the server waits for an acknowledgement before redelivering
 * @param maxAckPending the maximum number of messages delivered and not yet acknowledged
 * @param deliverPolicy where a new consumer starts
 * @param deadLetter the subject dead letters are published to; may hold the placeholders
 * {@code {stream}} and {@code {durable}}
 * @param autoStartup whether the handler starts with the application context
 * @param noRetryFor exception types (and their subclasses) that are dead-lettered at the
 * first failure
 * @param errorClassifier the name of an
 * {@link io.github.natsjetstream.retry.ErrorClassifier ErrorClassifier} bean that decides
 * which other failures are not retried
 * @param priorityPolicy how the application's instances share the consumer
 * @param pinTimeout how long a pinned instance may go without pulling before the server
 * pins another ({@code pinned-client} policy)
 * @param overflowThreshold the number of pending messages above which this instance gets
 * messages ({@code overflow} policy); 0 for always
 * @param batchSize for a handler method taking a {@code List}: the most messages it
 * receives at once
 * @param batchWait for a handler method taking a {@code List}: the longest it waits for a
 * batch to fill once its first message is in hand
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record DeclaredHandlerSettings(@Nullable Integer concurrency, @Nullable Integer maxDeliver,
		@Nullable RetryBackoff backoff, @Nullable Duration ackWait, @Nullable Integer maxAckPending,
		@Nullable DeliverPolicySetting deliverPolicy, @Nullable String deadLetter, @Nullable Boolean autoStartup,
		@Nullable List<Class<? extends Throwable>> noRetryFor, @Nullable String errorClassifier,
		@Nullable PriorityPolicySetting priorityPolicy, @Nullable Duration pinTimeout,
		@Nullable Long overflowThreshold, @Nullable Integer batchSize, @Nullable Duration batchWait) {

	/**
	 * Settings that declare nothing.
	 */
	public static final DeclaredHandlerSettings NONE = new DeclaredHandlerSettings(null, null, (RetryBackoff) null,
			null, null, null, null, null, null, null, null, null, null, null, null);

	/**
	 * Every setting, by the name of its annotation attribute, for the resolver to tell
	 * where each resolved value came from.
	 */
	static final List<Setting> SETTINGS = List.of(new Setting("concurrency", DeclaredHandlerSettings::concurrency),
			new Setting("maxDeliver", DeclaredHandlerSettings::maxDeliver),
			new Setting("backoff", DeclaredHandlerSettings::backoff),
			new Setting("ackWait", DeclaredHandlerSettings::ackWait),
			new Setting("maxAckPending", DeclaredHandlerSettings::maxAckPending),
			new Setting("deliverPolicy", DeclaredHandlerSettings::deliverPolicy),
			new Setting("deadLetter", DeclaredHandlerSettings::deadLetter),
			new Setting("autoStartup", DeclaredHandlerSettings::autoStartup),
			new Setting("noRetryFor", DeclaredHandlerSettings::noRetryFor),
			new Setting("errorClassifier", DeclaredHandlerSettings::errorClassifier),
			new Setting("priorityPolicy", DeclaredHandlerSettings::priorityPolicy),
			new Setting("pinTimeout", DeclaredHandlerSettings::pinTimeout),
			new Setting("overflowThreshold", DeclaredHandlerSettings::overflowThreshold),
			new Setting("batchSize", DeclaredHandlerSettings::batchSize),
			new Setting("batchWait", DeclaredHandlerSettings::batchWait));

	/**
	 * Create an instance from configuration properties, where the backoff is a list of
	 * delays ({@code 1s, 5s, 30s}; the last one repeats).
	 * @param concurrency the number of messages handled in parallel
	 * @param maxDeliver the maximum number of deliveries of one message before it is
	 * dead-lettered
	 * @param backoff the delays before each redelivery; the last one repeats
	 * @param ackWait the time the server waits for an acknowledgement before
	 * redelivering
	 * @param maxAckPending the maximum number of messages delivered and not yet
	 * acknowledged
	 * @param deliverPolicy where a new consumer starts: 'all', 'new', 'last',
	 * 'last-per-subject' or 'by-start-time=<ISO-8601 instant>'
	 * @param deadLetter the subject dead letters of the handler are published to
	 * @param autoStartup whether the handler starts with the application context
	 * @param noRetryFor exception types that are dead-lettered at the first failure
	 * @param errorClassifier the name of an ErrorClassifier bean for the handler
	 * @param priorityPolicy how the application's instances share the consumer: 'none',
	 * 'pinned-client' or 'overflow'
	 * @param pinTimeout how long a pinned instance may go without pulling before the
	 * server pins another
	 * @param overflowThreshold the number of pending messages above which this instance
	 * gets messages, with the 'overflow' policy
	 * @param batchSize for a handler method taking a List: the most messages it receives
	 * at once
	 * @param batchWait for a handler method taking a List: the longest it waits for a
	 * batch to fill once its first message is in hand
	 */
	@ConstructorBinding
	public DeclaredHandlerSettings(@Nullable Integer concurrency, @Nullable Integer maxDeliver,
			@Nullable List<Duration> backoff, @Nullable Duration ackWait, @Nullable Integer maxAckPending,
			@Nullable DeliverPolicySetting deliverPolicy, @Nullable String deadLetter, @Nullable Boolean autoStartup,
			@Nullable List<Class<? extends Throwable>> noRetryFor, @Nullable String errorClassifier,
			@Nullable PriorityPolicySetting priorityPolicy, @Nullable Duration pinTimeout,
			@Nullable Long overflowThreshold, @Nullable Integer batchSize, @Nullable Duration batchWait) {
		this(concurrency, maxDeliver, (backoff != null && !backoff.isEmpty()) ? listBackoff(backoff) : null, ackWait,
				maxAckPending, deliverPolicy, deadLetter, autoStartup, noRetryFor, errorClassifier, priorityPolicy,
				pinTimeout, overflowThreshold, batchSize, batchWait);
	}

	private static ListBackoff listBackoff(List<Duration> delays) {
		try {
			return new ListBackoff(delays);
		}
		catch (IllegalArgumentException ex) {
			// Without the cause: Spring Boot reports the message of the root cause
			throw new IllegalArgumentException(
					"Invalid backoff '" + PropertyValues.format(delays) + "': " + ex.getMessage());
		}
	}

	/**
	 * Return these settings, with each undeclared value taken from the given ones.
	 * @param fallback the settings to take undeclared values from
	 * @return the merged settings
	 */
	public DeclaredHandlerSettings orElse(DeclaredHandlerSettings fallback) {
		return new DeclaredHandlerSettings(first(this.concurrency, fallback.concurrency),
				first(this.maxDeliver, fallback.maxDeliver), first(this.backoff, fallback.backoff),
				first(this.ackWait, fallback.ackWait), first(this.maxAckPending, fallback.maxAckPending),
				first(this.deliverPolicy, fallback.deliverPolicy), first(this.deadLetter, fallback.deadLetter),
				first(this.autoStartup, fallback.autoStartup), first(this.noRetryFor, fallback.noRetryFor),
				first(this.errorClassifier, fallback.errorClassifier),
				first(this.priorityPolicy, fallback.priorityPolicy), first(this.pinTimeout, fallback.pinTimeout),
				first(this.overflowThreshold, fallback.overflowThreshold), first(this.batchSize, fallback.batchSize),
				first(this.batchWait, fallback.batchWait));
	}

	private static <T> @Nullable T first(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * One setting: its name and how to read it.
	 *
	 * @param name the name of the annotation attribute
	 * @param value reads the setting's value
	 */
	record Setting(String name, Function<DeclaredHandlerSettings, @Nullable Object> value) {

	}

}

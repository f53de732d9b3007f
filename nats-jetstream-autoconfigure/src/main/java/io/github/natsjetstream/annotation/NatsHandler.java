package io.github.natsjetstream.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a method, or a class whose {@link NatsRoute @NatsRoute} methods share one
 * consumer, as the handler of the JetStream messages published on the given subjects.
 * Each {@code @NatsHandler} becomes one durable pull consumer.
 * <p>
 * Every {@code String} attribute accepts {@code ${...}} placeholders and {@code #{...}}
 * expressions. Unset attributes take their value from
 * {@code nats.jetstream.consumer-defaults.*}, and every attribute can be overridden from
 * configuration with {@code nats.jetstream.handlers.<id>.*}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see NatsRoute
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NatsHandler {

	/**
	 * Alias for {@link #subjects()}.
	 * @return the subjects
	 */
	@AliasFor("subjects")
	String[] value() default {};

	/**
	 * Subjects to consume; wildcards {@code *} (one token) and {@code >} (the rest) are
	 * allowed.
	 * @return the subjects
	 */
	@AliasFor("value")
	String[] subjects() default {};

	/**
	 * Identifier of the handler, used for {@code nats.jetstream.handlers.<id>.*}
	 * overrides and in logs. Defaults to {@code beanName.methodName}, or the bean name
	 * for a class-level handler.
	 * @return the id
	 */
	String id() default "";

	/**
	 * Stream that captures the subjects. When empty, the server is asked which stream
	 * captures them; none or several is a startup error.
	 * @return the stream name
	 */
	String stream() default "";

	/**
	 * Durable consumer name. Defaults to a name derived from
	 * {@code spring.application.name}, the bean and the method, so that every instance of
	 * the application shares the consumer.
	 * @return the durable name
	 */
	String durable() default "";

	/**
	 * Number of messages handled in parallel.
	 * @return the concurrency
	 */
	String concurrency() default "";

	/**
	 * Maximum number of deliveries of one message before it is dead-lettered.
	 * @return the maximum deliveries
	 */
	String maxDeliver() default "";

	/**
	 * Delays before the redeliveries of a failed message, as a comma-separated list of
	 * durations ({@code "1s, 5s, 30s"}); the last one repeats.
	 * @return the backoff
	 */
	String backoff() default "";

	/**
	 * Time the server waits for an acknowledgement before redelivering, for example
	 * {@code 30s}.
	 * @return the ack wait
	 */
	String ackWait() default "";

	/**
	 * Maximum number of messages delivered but not yet acknowledged.
	 * @return the maximum ack pending
	 */
	String maxAckPending() default "";

	/**
	 * Where a new consumer starts: {@code all}, {@code new}, {@code last},
	 * {@code last-per-subject} or {@code by-start-time=<ISO-8601 instant>}.
	 * @return the deliver policy
	 */
	String deliverPolicy() default "";

	/**
	 * Exceptions (and their subclasses) that are not retried: the message is
	 * dead-lettered at the first failure.
	 * @return the non-retryable exception types
	 */
	Class<? extends Throwable>[] noRetryFor() default {};

	/**
	 * Name of an {@link io.github.natsjetstream.retry.ErrorClassifier ErrorClassifier}
	 * bean that decides which failures of this handler are not retried, in addition to
	 * {@link #noRetryFor()} and to conversion, validation and routing failures.
	 * @return the bean name
	 */
	String errorClassifier() default "";

	/**
	 * Subject that dead letters of this handler are published to. Defaults to
	 * {@code dlq.<stream>.<durable>} (see {@code nats.jetstream.dead-letter.*}).
	 * @return the dead-letter subject
	 */
	String deadLetter() default "";

	/**
	 * Whether the handler starts with the application context; {@code "true"} or
	 * {@code "false"}.
	 * @return whether to start automatically
	 */
	String autoStartup() default "";

	/**
	 * How the instances of the application share the handler's consumer (nats-server
	 * 2.11 and later): {@code none} (every instance gets messages), {@code pinned-client}
	 * (one instance at a time, with failover; use it with a concurrency of 1 for ordered
	 * handling across the fleet) or {@code overflow} (instances with an
	 * {@link #overflowThreshold()} get messages only above it).
	 * @return the priority policy
	 */
	String priorityPolicy() default "";

	/**
	 * With {@code priorityPolicy = "pinned-client"}: how long the pinned instance may go
	 * without pulling (it died, say) before the server pins another, for example
	 * {@code 30s}. A pinned instance that stops hands the pin over at once.
	 * @return the pin timeout
	 */
	String pinTimeout() default "";

	/**
	 * With {@code priorityPolicy = "overflow"}: the number of pending messages above
	 * which this instance gets messages; 0 (the default) for always.
	 * @return the overflow threshold
	 */
	String overflowThreshold() default "";

	/**
	 * For a method taking a {@code List} (of payloads, of {@link io.nats.client.Message}s
	 * or of spring-messaging {@code Message}s): the most messages it receives at once, for
	 * example {@code 100}. At most half of {@link #maxAckPending()}.
	 * @return the batch size
	 */
	String batchSize() default "";

	/**
	 * For a method taking a {@code List}: the longest it waits for a batch to fill once the
	 * batch's first message is in hand, for example {@code 100ms}; then it receives what
	 * has arrived.
	 * @return the batch wait
	 */
	String batchWait() default "";

}

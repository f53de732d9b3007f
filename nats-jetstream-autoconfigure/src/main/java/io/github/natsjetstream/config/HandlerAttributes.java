package io.github.natsjetstream.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The settings a handler's annotation declares, as text after placeholder resolution;
 * {@code null} where the annotation leaves a setting unset.
 *
 * @param concurrency the concurrency
 * @param maxDeliver the maximum deliveries
 * @param backoff the comma-separated backoff delays
 * @param ackWait the ack wait
 * @param maxAckPending the maximum ack pending
 * @param deliverPolicy the deliver policy
 * @param deadLetter the dead-letter subject
 * @param autoStartup whether to start automatically
 * @param noRetryFor the non-retryable exception types
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record HandlerAttributes(@Nullable String concurrency, @Nullable String maxDeliver, @Nullable String backoff,
		@Nullable String ackWait, @Nullable String maxAckPending, @Nullable String deliverPolicy,
		@Nullable String deadLetter, @Nullable String autoStartup, List<Class<? extends Throwable>> noRetryFor) {

	/**
	 * Attributes that declare nothing.
	 */
	public static final HandlerAttributes NONE = new HandlerAttributes(null, null, null, null, null, null, null, null,
			List.of());

}

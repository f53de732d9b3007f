package io.github.natsjetstream.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Settings of one handler overridden from configuration; {@code null} where nothing is
 * overridden.
 *
 * @param concurrency the concurrency
 * @param maxDeliver the maximum deliveries
 * @param backoff the backoff delays
 * @param ackWait the ack wait
 * @param maxAckPending the maximum ack pending
 * @param deliverPolicy the deliver policy
 * @param deadLetter the dead-letter subject
 * @param autoStartup whether to start automatically
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record HandlerOverrides(@Nullable Integer concurrency, @Nullable Integer maxDeliver,
		@Nullable List<Duration> backoff, @Nullable Duration ackWait, @Nullable Integer maxAckPending,
		@Nullable String deliverPolicy, @Nullable String deadLetter, @Nullable Boolean autoStartup) {

	/**
	 * Overrides that override nothing.
	 */
	public static final HandlerOverrides NONE = new HandlerOverrides(null, null, null, null, null, null, null, null);

}

package io.github.natsjetstream.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.natsjetstream.retry.DeadLetterSubjectTemplate;
import io.github.natsjetstream.retry.ErrorClassifier;
import io.github.natsjetstream.retry.RetryBackoff;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The resolved settings of one handler: every value declared, validated, and known by
 * where it was declared.
 *
 * @param values the merged settings, every value declared
 * @param sources where each setting was declared, by setting name
 * @param errorClassifier decides which failures are not retried: conversion, validation
 * and routing failures, the {@code noRetryFor} types, then the handler's own classifier
 * @param deadLetter the subject dead letters are published to, with its placeholders
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record HandlerSettings(DeclaredHandlerSettings values, Map<String, SettingSource> sources,
		ErrorClassifier errorClassifier, DeadLetterSubjectTemplate deadLetter) {

	/**
	 * Create a new instance.
	 */
	public HandlerSettings {
		Assert.notNull(values, "'values' must not be null");
		Assert.notNull(errorClassifier, "'errorClassifier' must not be null");
		Assert.notNull(deadLetter, "'deadLetter' must not be null");
		for (DeclaredHandlerSettings.Setting setting : DeclaredHandlerSettings.SETTINGS) {
			if (!setting.name().equals("errorClassifier")) {
				Assert.notNull(setting.value().apply(values), () -> "'" + setting.name() + "' must be resolved");
			}
		}
		sources = Map.copyOf(sources);
	}

	/**
	 * Return the number of messages handled in parallel.
	 * @return the concurrency
	 */
	public int concurrency() {
		return Objects.requireNonNull(this.values.concurrency());
	}

	/**
	 * Return the maximum number of deliveries of one message before it is dead-lettered.
	 * @return the maximum deliveries
	 */
	public int maxDeliver() {
		return Objects.requireNonNull(this.values.maxDeliver());
	}

	/**
	 * Return the delays before redeliveries.
	 * @return the backoff
	 */
	public RetryBackoff backoff() {
		return Objects.requireNonNull(this.values.backoff());
	}

	/**
	 * Return the time the server waits for an acknowledgement before redelivering.
	 * @return the ack wait
	 */
	public Duration ackWait() {
		return Objects.requireNonNull(this.values.ackWait());
	}

	/**
	 * Return the maximum number of messages delivered and not yet acknowledged.
	 * @return the maximum ack pending
	 */
	public int maxAckPending() {
		return Objects.requireNonNull(this.values.maxAckPending());
	}

	/**
	 * Return where a new consumer starts.
	 * @return the deliver policy
	 */
	public DeliverPolicySetting deliverPolicy() {
		return Objects.requireNonNull(this.values.deliverPolicy());
	}

	/**
	 * Return whether the handler starts with the application context.
	 * @return whether to start automatically
	 */
	public boolean autoStartup() {
		return Objects.requireNonNull(this.values.autoStartup());
	}

	/**
	 * Return the exception types that are dead-lettered at the first failure.
	 * @return the non-retryable exception types
	 */
	public List<Class<? extends Throwable>> noRetryFor() {
		return Objects.requireNonNull(this.values.noRetryFor());
	}

	/**
	 * Return how the application's instances share the consumer.
	 * @return the priority policy
	 */
	public PriorityPolicySetting priorityPolicy() {
		return Objects.requireNonNull(this.values.priorityPolicy());
	}

	/**
	 * Return how long a pinned instance may go without pulling before the server pins
	 * another.
	 * @return the pin timeout
	 */
	public Duration pinTimeout() {
		return Objects.requireNonNull(this.values.pinTimeout());
	}

	/**
	 * Return the number of pending messages above which this instance gets messages with
	 * the overflow policy; 0 for always.
	 * @return the overflow threshold
	 */
	public long overflowThreshold() {
		return Objects.requireNonNull(this.values.overflowThreshold());
	}

	/**
	 * Return the most messages a batch handler receives at once.
	 * @return the batch size
	 */
	public int batchSize() {
		return Objects.requireNonNull(this.values.batchSize());
	}

	/**
	 * Return the longest a batch handler waits for a batch to fill once its first message
	 * is in hand.
	 * @return the batch wait
	 */
	public Duration batchWait() {
		return Objects.requireNonNull(this.values.batchWait());
	}

	/**
	 * Return the subject the handler's dead letters are published to: the declared
	 * subject with its {@code {stream}} and {@code {durable}} placeholders replaced.
	 * @param stream the stream the handler consumes
	 * @param durable the handler's durable name
	 * @return the dead-letter subject
	 */
	public String deadLetterSubject(String stream, String durable) {
		return this.deadLetter.resolve(stream, durable);
	}

	/**
	 * Return every setting by its attribute name, in a fixed order, with its resolved
	 * value; {@code errorClassifier} is {@code null} when the handler has none.
	 * @return the values by setting name
	 */
	public Map<String, @Nullable Object> byName() {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (DeclaredHandlerSettings.Setting setting : DeclaredHandlerSettings.SETTINGS) {
			values.put(setting.name(), setting.value().apply(this.values));
		}
		return Collections.unmodifiableMap(values);
	}

	/**
	 * Return where a setting was declared.
	 * @param setting the setting's attribute name, for example {@code ackWait}
	 * @return the source
	 */
	public SettingSource sourceOf(String setting) {
		return this.sources.getOrDefault(setting, SettingSource.DEFAULT);
	}

}

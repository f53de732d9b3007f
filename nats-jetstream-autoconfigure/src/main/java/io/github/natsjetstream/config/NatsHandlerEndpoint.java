package io.github.natsjetstream.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One {@code @NatsHandler}: what it consumes, with which durable consumer and settings,
 * and what it invokes.
 *
 * @param id the handler id
 * @param description the handler's method (or class), for logs and errors
 * @param subjects the subjects consumed
 * @param stream the stream, or {@code null} to ask the server which stream captures the
 * subjects
 * @param durable the durable consumer name
 * @param settings the resolved settings
 * @param invoker what invokes the handler method for a message
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record NatsHandlerEndpoint(String id, String description, List<String> subjects, @Nullable String stream,
		String durable, HandlerSettings settings, HandlerInvoker invoker) {

	/**
	 * Create a new endpoint.
	 */
	public NatsHandlerEndpoint {
		Assert.hasText(id, "'id' must not be empty");
		Assert.notEmpty(subjects, "'subjects' must not be empty");
		Assert.hasText(durable, "'durable' must not be empty");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(invoker, "'invoker' must not be null");
		subjects = List.copyOf(subjects);
	}

}

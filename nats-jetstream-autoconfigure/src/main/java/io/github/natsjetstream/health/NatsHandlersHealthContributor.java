package io.github.natsjetstream.health;

import java.util.stream.Stream;

import io.github.natsjetstream.listener.HandlerStatusResolver;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.util.Assert;

/**
 * {@link CompositeHealthContributor} with one {@link NatsHandlerHealthIndicator} per
 * handler, named by handler id; handlers registered later are included as they come.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlersHealthContributor implements CompositeHealthContributor {

	private final NatsHandlerContainerRegistry registry;

	private final HandlerStatusResolver statusResolver;

	/**
	 * Create a new instance.
	 * @param registry the handlers
	 * @param statusResolver tells each handler's status
	 */
	public NatsHandlersHealthContributor(NatsHandlerContainerRegistry registry, HandlerStatusResolver statusResolver) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(statusResolver, "'statusResolver' must not be null");
		this.registry = registry;
		this.statusResolver = statusResolver;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		NatsHandlerContainer container = this.registry.getContainer(name);
		return (container != null) ? indicator(container) : null;
	}

	@Override
	public Stream<Entry> stream() {
		return this.registry.getContainers()
			.stream()
			.map((container) -> new Entry(container.getEndpoint().id(), indicator(container)));
	}

	private NatsHandlerHealthIndicator indicator(NatsHandlerContainer container) {
		return new NatsHandlerHealthIndicator(container, this.statusResolver);
	}

}

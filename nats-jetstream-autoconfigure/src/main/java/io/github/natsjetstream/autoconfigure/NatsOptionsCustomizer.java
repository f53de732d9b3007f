package io.github.natsjetstream.autoconfigure;

import io.nats.client.Options;

/**
 * Callback interface for beans that customize the jnats {@link Options} before the
 * connection is created. Customizers are applied in their {@code @Order} after the
 * {@code nats.*} properties, so they can override any of them.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@FunctionalInterface
public interface NatsOptionsCustomizer {

	/**
	 * Customize the options builder.
	 * @param builder the builder to customize
	 */
	void customize(Options.Builder builder);

}

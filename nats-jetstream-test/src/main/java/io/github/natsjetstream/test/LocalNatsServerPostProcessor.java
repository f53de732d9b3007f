package io.github.natsjetstream.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.Assert;

/**
 * Starts the {@link LocalNatsServer} of {@link LocalNatsServerConfiguration} before any
 * other bean is created, puts its URL first in the environment as {@code nats.servers} when
 * it is not a configured one, and stops it when the context is closed. Being the first singleton
 * created, it is the last destroyed: the NATS connection is closed before the server stops.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class LocalNatsServerPostProcessor implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered,
		DisposableBean {

	/** The name of the {@link LocalNatsServer} bean and of the property source. */
	static final String NAME = "localNatsServer";

	private static final String SERVERS_PROPERTY = NatsServerPropertySource.SERVERS_PROPERTY;

	private @Nullable ConfigurableEnvironment environment;

	private @Nullable LocalNatsServer server;

	@Override
	public void setEnvironment(Environment environment) {
		Assert.isInstanceOf(ConfigurableEnvironment.class, environment);
		this.environment = (ConfigurableEnvironment) environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ConfigurableEnvironment environment = this.environment;
		Assert.state(environment != null, "No environment");
		Binder binder = Binder.get(environment);
		List<String> configured = binder.bind(SERVERS_PROPERTY, Bindable.listOf(String.class))
			.orElse(List.of(LocalNatsServer.DEFAULT_SERVER));
		LocalNatsServerProperties properties = binder.bind("nats.local-server", LocalNatsServerProperties.class)
			.orElseGet(LocalNatsServerProperties::new);
		Path directory = properties.getDirectory();
		LocalNatsServer started = LocalNatsServer.start(configured,
				(directory != null) ? directory : LocalNatsServer.defaultDirectory());
		this.server = started;
		if (!started.servers().equals(configured)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(NAME, Map.of(SERVERS_PROPERTY, String.join(",", started.servers()))));
		}
		beanFactory.registerSingleton(NAME, started);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void destroy() {
		LocalNatsServer current = this.server;
		if (current != null) {
			current.close();
		}
	}

}

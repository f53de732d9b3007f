package io.github.natsjetstream.connection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.nats.client.Connection;
import io.nats.client.Options;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.Assert;

/**
 * Exposes a NATS {@link Connection} as a bean: connects when the bean is initialized and,
 * when the context closes, drains the connection after every bean that uses it is gone.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsConnectionFactoryBean implements FactoryBean<Connection>, InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(NatsConnectionFactoryBean.class);

	private final NatsConnectionFactory connectionFactory;

	private final boolean failFast;

	private final Duration drainTimeout;

	private @Nullable Connection connection;

	/**
	 * Create a new instance.
	 * @param options the connection options
	 * @param failFast whether to fail when no server can be reached, rather than
	 * connecting in the background
	 * @param drainTimeout how long to wait for the connection to drain at shutdown
	 */
	public NatsConnectionFactoryBean(Options options, boolean failFast, Duration drainTimeout) {
		Assert.notNull(drainTimeout, "'drainTimeout' must not be null");
		this.connectionFactory = new NatsConnectionFactory(options);
		this.failFast = failFast;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public void afterPropertiesSet() {
		this.connection = this.failFast ? this.connectionFactory.connect()
				: this.connectionFactory.connectInBackground();
	}

	@Override
	public Connection getObject() {
		Assert.state(this.connection != null, "Connection not initialized");
		return this.connection;
	}

	@Override
	public Class<?> getObjectType() {
		return Connection.class;
	}

	@Override
	public void destroy() throws InterruptedException {
		Connection connection = this.connection;
		if (connection == null || connection.getStatus() == Connection.Status.CLOSED) {
			return;
		}
		try {
			if (connection.getStatus() == Connection.Status.CONNECTED) {
				connection.drain(this.drainTimeout).get(this.drainTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			}
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.warn("NATS connection did not drain within " + this.drainTimeout + "; closing it");
		}
		finally {
			connection.close();
		}
	}

}

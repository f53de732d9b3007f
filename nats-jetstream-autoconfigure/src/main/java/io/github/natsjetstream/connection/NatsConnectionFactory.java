package io.github.natsjetstream.connection;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ServerInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Opens NATS connections, either failing fast with a {@link NatsConnectException} that
 * names the servers and the cause, or returning at once and connecting in the
 * background.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsConnectionFactory {

	private static final Log logger = LogFactory.getLog(NatsConnectionFactory.class);

	/**
	 * How long to wait for jnats to report why a failed connect failed (it reports
	 * asynchronously).
	 */
	private static final Duration FAILURE_REPORT_WAIT = Duration.ofSeconds(2);

	/**
	 * Added to the connect attempts' own timeouts when waiting for the first attempt of
	 * a background connect.
	 */
	private static final Duration FIRST_ATTEMPT_MARGIN = Duration.ofSeconds(10);

	private final Options options;

	/**
	 * Create a factory for connections with the given options.
	 * @param options the connection options
	 */
	public NatsConnectionFactory(Options options) {
		Assert.notNull(options, "'options' must not be null");
		this.options = options;
	}

	/**
	 * Connect now, trying each server once.
	 * @return the connection
	 * @throws NatsConnectException when no server could be connected to
	 */
	public Connection connect() {
		try {
			Connection connection = Nats.connect(this.options);
			warnIfCredentialsAreNotAsked(connection);
			return connection;
		}
		catch (IOException ex) {
			throw connectFailure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsConnectException(servers(), ConnectFailureCause.OTHER, "interrupted", ex);
		}
	}

	/**
	 * Return a connection that keeps connecting in the background while no server can
	 * be reached. Waits for the first attempt only.
	 * @return the connection, connected or still connecting
	 * @throws NatsConnectException when the first attempt did not finish in time
	 */
	public Connection connectInBackground() {
		CompletableFuture<Connection> firstEvent = new CompletableFuture<>();
		Options backgroundOptions = new Options.Builder(this.options)
			.connectionListener(new FirstEventListener(this.options.getConnectionListener(), firstEvent))
			.build();
		Thread connector = new Thread(() -> connectReconnectOnConnect(backgroundOptions, firstEvent),
				"nats-background-connect");
		connector.setDaemon(true);
		connector.start();
		Duration wait = this.options.getConnectionTimeout().multipliedBy(Math.max(1, servers().size()))
			.plus(FIRST_ATTEMPT_MARGIN);
		try {
			Connection connection = firstEvent.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			if (connection.getStatus() != Connection.Status.CONNECTED) {
				logger.warn("NATS server(s) " + servers() + " not reachable yet; connecting in the background");
			}
			else {
				warnIfCredentialsAreNotAsked(connection);
			}
			return connection;
		}
		catch (ExecutionException ex) {
			throw connectFailure(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new NatsConnectException(servers(), ConnectFailureCause.TIMEOUT,
					"no connect attempt finished within " + wait, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NatsConnectException(servers(), ConnectFailureCause.OTHER, "interrupted", ex);
		}
	}

	private void connectReconnectOnConnect(Options options, CompletableFuture<Connection> firstEvent) {
		try {
			Connection connection = Nats.connectReconnectOnConnect(options);
			firstEvent.complete(connection);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			if (!firstEvent.completeExceptionally(ex)) {
				logger.error("NATS background connect to " + servers() + " gave up: "
						+ connectFailure(ex).getFailureCause().getDescription());
			}
		}
	}

	/**
	 * Say so when credentials are configured but the server asks for none: it accepts the
	 * connection without looking at them, so they prove nothing yet.
	 */
	private void warnIfCredentialsAreNotAsked(Connection connection) {
		boolean credentials = this.options.getAuthHandler() != null || this.options.getUsernameChars() != null
				|| this.options.getTokenChars() != null;
		ServerInfo serverInfo = connection.getServerInfo();
		if (credentials && serverInfo != null && !serverInfo.isAuthRequired()) {
			String url = connection.getConnectedUrl();
			logger.warn("NATS server " + ((url != null) ? ServerUrls.redact(url) : servers()) + " requires no "
					+ "authentication: it accepted the connection without checking the configured credentials");
		}
	}

	private NatsConnectException connectFailure(@Nullable Throwable failure) {
		ConnectFailureCause cause = ConnectFailureClassifier.classify(failure);
		String detail = ConnectFailureClassifier.explain(failure);
		Throwable underlying = failure;
		if (cause == ConnectFailureCause.OTHER
				&& this.options.getErrorListener() instanceof NatsConnectionEventLogger eventLogger) {
			NatsConnectionEventLogger.Failure reported = eventLogger.awaitLatestFailure(FAILURE_REPORT_WAIT);
			if (reported != null) {
				cause = reported.cause();
				detail = reported.detail();
				underlying = (reported.exception() != null) ? reported.exception() : failure;
			}
		}
		if (detail == null && failure != null) {
			detail = failure.getMessage();
		}
		return new NatsConnectException(servers(), cause, redactServers(detail), underlying);
	}

	private @Nullable String redactServers(@Nullable String detail) {
		if (detail == null) {
			return null;
		}
		String redacted = detail;
		for (String server : this.options.getUnprocessedServers()) {
			redacted = redacted.replace(server, ServerUrls.redact(server));
		}
		return redacted;
	}

	private List<String> servers() {
		return ServerUrls.redact(this.options.getUnprocessedServers());
	}

	/**
	 * Completes a future with the connection at its first event (connected, or
	 * disconnected after a failed attempt) and passes every event on.
	 */
	private static final class FirstEventListener implements ConnectionListener {

		private final @Nullable ConnectionListener delegate;

		private final CompletableFuture<Connection> firstEvent;

		FirstEventListener(@Nullable ConnectionListener delegate, CompletableFuture<Connection> firstEvent) {
			this.delegate = delegate;
			this.firstEvent = firstEvent;
		}

		@Override
		public void connectionEvent(Connection connection, Events type) {
			connectionEvent(connection, type, null, null);
		}

		@Override
		public void connectionEvent(Connection connection, Events type, @Nullable Long time,
				@Nullable String uriDetails) {
			if (connection != null) {
				this.firstEvent.complete(connection);
			}
			if (this.delegate != null) {
				this.delegate.connectionEvent(connection, type, time, uriDetails);
			}
		}

	}

}

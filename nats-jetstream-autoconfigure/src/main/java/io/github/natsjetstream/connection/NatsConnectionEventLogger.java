package io.github.natsjetstream.connection;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs connection events and errors reported by jnats, with server URLs stripped of
 * credentials, and remembers the latest failure so that a failed connect can say why.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsConnectionEventLogger implements ConnectionListener, ErrorListener {

	private static final Log logger = LogFactory.getLog(NatsConnectionEventLogger.class);

	private final AtomicReference<@Nullable Failure> latestFailure = new AtomicReference<>();

	private final CountDownLatch firstFailure = new CountDownLatch(1);

	@Override
	public void connectionEvent(Connection connection, Events type) {
		connectionEvent(connection, type, null, null);
	}

	@Override
	public void connectionEvent(Connection connection, Events type, @Nullable Long time, @Nullable String uriDetails) {
		String server = (uriDetails != null) ? ServerUrls.redact(uriDetails) : currentServer(connection);
		switch (type) {
			case CONNECTED, RECONNECTED, RESUBSCRIBED -> logger.info("NATS connection " + type.getEvent() + ": " + server);
			case DISCONNECTED -> logger.warn("NATS connection disconnected: " + server);
			case CLOSED -> logger.info("NATS connection closed");
			default -> {
				if (logger.isDebugEnabled()) {
					logger.debug("NATS connection event " + type.getEvent() + ": " + server);
				}
			}
		}
	}

	@Override
	public void errorOccurred(Connection connection, String error) {
		record(new Failure(ConnectFailureClassifier.classify(error), error, null));
		logger.warn("NATS server reported an error on " + currentServer(connection) + ": " + error);
	}

	@Override
	public void exceptionOccurred(@Nullable Connection connection, Exception exception) {
		String explanation = ConnectFailureClassifier.explain(exception);
		record(new Failure(ConnectFailureClassifier.classify(exception),
				(explanation != null) ? explanation : exception.getMessage(), exception));
		logger.warn("NATS connection problem on " + currentServer(connection) + ": " + describe(exception));
		if (logger.isDebugEnabled()) {
			logger.debug("NATS connection problem", exception);
		}
	}

	@Override
	public void slowConsumerDetected(Connection connection, Consumer consumer) {
		logger.warn("NATS slow consumer detected: " + consumer.getPendingMessageCount()
				+ " messages pending; messages are being dropped");
	}

	/**
	 * Return the latest failure, waiting up to the given time for a first one to be
	 * reported (jnats reports errors asynchronously).
	 * @param timeout how long to wait for a first failure
	 * @return the latest failure, or {@code null} if none was reported
	 */
	public @Nullable Failure awaitLatestFailure(Duration timeout) {
		try {
			this.firstFailure.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.latestFailure.get();
	}

	private void record(Failure failure) {
		Failure previous = this.latestFailure.get();
		// Keep the most telling cause: a classified failure is not replaced by an unclassified one.
		if (previous == null || failure.cause() != ConnectFailureCause.OTHER
				|| previous.cause() == ConnectFailureCause.OTHER) {
			this.latestFailure.set(failure);
		}
		this.firstFailure.countDown();
	}

	private static String currentServer(@Nullable Connection connection) {
		if (connection == null) {
			return "(not connected)";
		}
		String url = connection.getConnectedUrl();
		return (url != null) ? ServerUrls.redact(url) : "(not connected)";
	}

	private static String describe(Throwable exception) {
		String message = exception.getMessage();
		return exception.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * A failure reported during connecting.
	 *
	 * @param cause why the attempt failed
	 * @param detail the error text or exception message
	 * @param exception the exception, if any
	 */
	public record Failure(ConnectFailureCause cause, @Nullable String detail, @Nullable Throwable exception) {
	}

}

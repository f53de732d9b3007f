package io.github.natsjetstream.connection;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.nats.client.AuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * Tells from an exception or a server error text why a connection attempt failed.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ConnectFailureClassifier {

	private ConnectFailureClassifier() {
	}

	/**
	 * Classify an exception, looking through its causes.
	 * @param failure the exception
	 * @return the cause of the failure
	 */
	public static ConnectFailureCause classify(@Nullable Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			ConnectFailureCause cause = classifySingle(candidate);
			if (cause != ConnectFailureCause.OTHER) {
				return cause;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return ConnectFailureCause.OTHER;
	}

	/**
	 * Classify an error text sent by the server ({@code -ERR}).
	 * @param error the error text
	 * @return the cause of the failure
	 */
	public static ConnectFailureCause classify(@Nullable String error) {
		if (error == null) {
			return ConnectFailureCause.OTHER;
		}
		String text = error.toLowerCase(Locale.ROOT);
		if (text.contains("authorization") || text.contains("authentication") || text.contains("user authentication")
				|| text.contains("permissions violation for connect")) {
			return ConnectFailureCause.AUTHORIZATION;
		}
		if (text.contains("tls") || text.contains("ssl") || text.contains("secure connection")) {
			return ConnectFailureCause.TLS;
		}
		if (text.contains("timed out") || text.contains("timeout")) {
			return ConnectFailureCause.TIMEOUT;
		}
		if (text.contains("connection refused")) {
			return ConnectFailureCause.REFUSED;
		}
		return ConnectFailureCause.OTHER;
	}

	private static ConnectFailureCause classifySingle(Throwable failure) {
		if (failure instanceof AuthenticationException) {
			return ConnectFailureCause.AUTHORIZATION;
		}
		if (failure instanceof SSLException) {
			return ConnectFailureCause.TLS;
		}
		if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
			return ConnectFailureCause.REFUSED;
		}
		if (failure instanceof SocketTimeoutException || failure instanceof TimeoutException) {
			return ConnectFailureCause.TIMEOUT;
		}
		if (failure instanceof UnknownHostException) {
			return ConnectFailureCause.UNKNOWN_HOST;
		}
		return classify(failure.getMessage());
	}

}

package io.github.natsjetstream.connection;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.nats.client.AuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * Tells from an exception or a server error text why a connection attempt failed.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ConnectFailureClassifier {

	/**
	 * What jnats' authentication handlers say when they cannot read a {@code .creds} file
	 * or use a seed.
	 */
	private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S*");

	private static final Pattern CREDENTIALS_PROBLEMS = Pattern
		.compile("problem (getting public key|signing nonce|reading jwt)");

	private ConnectFailureClassifier() {
	}

	/**
	 * Classify an exception, looking through its causes.
	 * @param failure the exception
	 * @return the cause of the failure
	 */
	public static ConnectFailureCause classify(@Nullable Throwable failure) {
		Throwable evidence = evidence(failure);
		return (evidence != null) ? classifySingle(evidence) : ConnectFailureCause.OTHER;
	}

	/**
	 * Return the exception in the cause chain that tells why the attempt failed: one
	 * that names a host name mismatch or unusable credentials wherever it is, else the
	 * outermost one that tells anything.
	 * @param failure the exception
	 * @return the telling exception, or {@code null} when none tells anything
	 */
	static @Nullable Throwable evidence(@Nullable Throwable failure) {
		Throwable first = null;
		for (Throwable candidate = failure; candidate != null; candidate = nextCause(candidate)) {
			ConnectFailureCause cause = classifySingle(candidate);
			if (cause == ConnectFailureCause.HOST_NAME || cause == ConnectFailureCause.CREDENTIALS) {
				return candidate;
			}
			if (first == null && cause != ConnectFailureCause.OTHER) {
				first = candidate;
			}
		}
		return first;
	}

	/**
	 * Explain why the attempt failed: the message of the {@link #evidence(Throwable)
	 * telling exception}, with its root cause when it has one.
	 * @param failure the exception
	 * @return the explanation, or {@code null} when no exception tells anything
	 */
	static @Nullable String explain(@Nullable Throwable failure) {
		Throwable evidence = evidence(failure);
		if (evidence == null) {
			return null;
		}
		Throwable root = evidence;
		while (nextCause(root) != null) {
			root = nextCause(root);
		}
		String message = evidence.getMessage();
		if (root == evidence || root.getMessage() == null || root.getMessage().equals(message)) {
			return message;
		}
		return message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
	}

	private static @Nullable Throwable nextCause(Throwable throwable) {
		Throwable cause = throwable.getCause();
		return (cause != throwable) ? cause : null;
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
		// URLs say nothing about the failure ('tls://' is no TLS failure)
		String text = URL.matcher(error).replaceAll("").toLowerCase(Locale.ROOT);
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
		String message = (failure.getMessage() != null) ? failure.getMessage() : "";
		if ((failure instanceof CertificateException || failure instanceof SSLException)
				&& (message.contains("subject alternative")
				|| message.startsWith("No name matching"))) {
			return ConnectFailureCause.HOST_NAME;
		}
		if (failure instanceof IllegalStateException && CREDENTIALS_PROBLEMS.matcher(message).matches()) {
			return ConnectFailureCause.CREDENTIALS;
		}
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

package io.github.natsjetstream.connection;

import java.util.List;

import io.github.natsjetstream.support.NatsJetStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when no connection to the NATS servers could be established. The message names
 * the servers tried (without credentials) and the cause.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsConnectException extends NatsJetStreamException {

	private final List<String> servers;

	private final ConnectFailureCause failureCause;

	/**
	 * Create a new instance.
	 * @param servers the servers tried, without credentials
	 * @param failureCause why the connection failed
	 * @param detail a detail of the failure, without secrets, or {@code null}
	 * @param cause the underlying exception, if any
	 */
	public NatsConnectException(List<String> servers, ConnectFailureCause failureCause, @Nullable String detail,
			@Nullable Throwable cause) {
		super(message(servers, failureCause, detail), cause);
		this.servers = List.copyOf(servers);
		this.failureCause = failureCause;
	}

	private static String message(List<String> servers, ConnectFailureCause failureCause, @Nullable String detail) {
		String message = "Unable to connect to NATS server(s) " + servers + ": " + failureCause.getDescription();
		return (detail != null && !detail.isBlank()) ? message + " [" + detail + "]" : message;
	}

	/**
	 * Return the servers that were tried, without credentials.
	 * @return the servers
	 */
	public List<String> getServers() {
		return this.servers;
	}

	/**
	 * Return why the connection failed.
	 * @return the failure cause
	 */
	public ConnectFailureCause getFailureCause() {
		return this.failureCause;
	}

}

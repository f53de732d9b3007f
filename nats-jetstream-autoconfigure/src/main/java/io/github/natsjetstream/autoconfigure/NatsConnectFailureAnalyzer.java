package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.connection.NatsConnectException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@link NatsConnectException} at startup and what to do about it.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class NatsConnectFailureAnalyzer extends AbstractFailureAnalyzer<NatsConnectException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsConnectException cause) {
		String action = switch (cause.getFailureCause()) {
			case REFUSED, TIMEOUT, UNKNOWN_HOST -> "Start a NATS server at " + cause.getServers()
					+ " or point nats.servers at a running one. To let the application start while the server is "
					+ "down, set nats.fail-fast=false.";
			case AUTHORIZATION -> "Check the credentials: nats.username/nats.password, nats.token, nats.nkey or "
					+ "nats.credentials.";
			case CREDENTIALS -> "Set nats.nkey to the seed of a user NKey (starting with 'SU'), or nats.credentials "
					+ "to a readable .creds file holding a user JWT and its seed.";
			case HOST_NAME -> "Connect to the server by a name its certificate is for (the names are in the "
					+ "certificate's subject alternative names), or get it a certificate for the name in nats.servers. "
					+ "Only for a server whose certificate names another host, set nats.ssl.verify-hostname=false.";
			case TLS -> "Make TLS match on both sides: use tls:// URLs or nats.ssl.bundle for a server that requires "
					+ "TLS, and a bundle whose trust material holds the server certificate's issuer.";
			case OTHER -> "Check nats.servers and the server's log.";
		};
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

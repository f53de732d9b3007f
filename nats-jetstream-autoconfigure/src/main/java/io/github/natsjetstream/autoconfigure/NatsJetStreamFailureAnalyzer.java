package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.support.NatsJetStreamException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains any other {@link NatsJetStreamException} at startup, after the analyzers of
 * the more specific ones had nothing to say.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class NatsJetStreamFailureAnalyzer extends AbstractFailureAnalyzer<NatsJetStreamException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsJetStreamException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Check the NATS server and the nats.* properties the description names.", cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}

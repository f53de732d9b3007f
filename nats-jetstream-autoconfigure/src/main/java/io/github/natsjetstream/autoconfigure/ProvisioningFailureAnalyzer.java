package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.provisioning.ProvisioningException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@link ProvisioningException} at startup: the stream, bucket or consumer,
 * why it could not be provisioned, and the ways out.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class ProvisioningFailureAnalyzer extends AbstractFailureAnalyzer<ProvisioningException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProvisioningException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Make the declaration and the server agree, as the description says: correct the declaration "
						+ "(nats.jetstream.streams.*, nats.jetstream.key-value.*, NatsStream or NatsKeyValue beans), "
						+ "change the resource on the server, or choose another nats.jetstream.provisioning.mode.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

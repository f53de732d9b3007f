package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.UnknownHandlerIdException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an {@link InvalidHandlerException} at startup: the handler, the annotation
 * attribute or property, the value, and the way out.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class InvalidHandlerFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHandlerException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidHandlerException cause) {
		if (cause instanceof UnknownHandlerIdException unknownId) {
			String remove = "remove the properties under 'nats.jetstream.handlers." + unknownId.getConfiguredId() + "'.";
			String action = unknownId.getClosestIds().isEmpty() ? "The application has no handler: " + remove
					: "Write the id of the handler meant (closest: '" + unknownId.getClosestIds().get(0) + "'), or "
							+ remove;
			return new FailureAnalysis(cause.getMessage(), action, cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Change the @NatsHandler attribute or the property the description names, as it says. A handler's "
						+ "settings are read from nats.jetstream.handlers.<id>.*, then its @NatsHandler attributes, then "
						+ "nats.jetstream.consumer-defaults.*.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

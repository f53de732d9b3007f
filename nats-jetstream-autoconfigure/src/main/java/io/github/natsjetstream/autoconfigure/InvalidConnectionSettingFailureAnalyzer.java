package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.connection.InvalidConnectionSettingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an {@link InvalidConnectionSettingException} at startup: the setting, what is
 * wrong with it, and what to set instead.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class InvalidConnectionSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConnectionSettingException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConnectionSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

package io.github.natsjetstream.autoconfigure;

import java.util.List;

import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.UnknownHandlerIdException;
import io.github.natsjetstream.connection.InvalidConnectionSettingException;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.github.natsjetstream.support.NatsJetStreamException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's failure analyzers find their exception anywhere in a startup failure and
 * report its message as the Description; they run before Spring Boot's own.
 */
class FailureAnalyzersTests {

	@Test
	void invalidHandlerIsDescribedByItsMessage() {
		FailureAnalysis analysis = new InvalidHandlerFailureAnalyzer()
			.analyze(wrapped(new InvalidHandlerException("Invalid maxDeliver '0' of handler 'h'")));
		assertThat(analysis.getDescription()).isEqualTo("Invalid maxDeliver '0' of handler 'h'");
		assertThat(analysis.getAction()).contains("nats.jetstream.handlers.<id>.*");
	}

	@Test
	void unknownHandlerIdSuggestsTheClosestIdOrRemoval() {
		InvalidHandlerFailureAnalyzer analyzer = new InvalidHandlerFailureAnalyzer();
		assertThat(analyzer.analyze(wrapped(new UnknownHandlerIdException("typo", "ordrs", List.of("orders", "other"))))
			.getAction()).isEqualTo("Write the id of the handler meant (closest: 'orders'), or remove the properties "
					+ "under 'nats.jetstream.handlers.ordrs'.");
		assertThat(analyzer.analyze(wrapped(new UnknownHandlerIdException("typo", "ordrs", List.of()))).getAction())
			.isEqualTo("The application has no handler: remove the properties under 'nats.jetstream.handlers.ordrs'.");
	}

	@Test
	void invalidConnectionSettingHasItsOwnAction() {
		FailureAnalysis analysis = new InvalidConnectionSettingFailureAnalyzer()
			.analyze(wrapped(new InvalidConnectionSettingException("nats.nkey", "it is not an NKey seed", "Set it.", null)));
		assertThat(analysis.getDescription()).isEqualTo("Invalid nats.nkey: it is not an NKey seed");
		assertThat(analysis.getAction()).isEqualTo("Set it.");
	}

	@Test
	void provisioningFailureIsDescribedByItsMessage() {
		FailureAnalysis analysis = new ProvisioningFailureAnalyzer()
			.analyze(wrapped(new ProvisioningException("Stream 'ORDERS' could not be created")));
		assertThat(analysis.getDescription()).isEqualTo("Stream 'ORDERS' could not be created");
		assertThat(analysis.getAction()).contains("nats.jetstream.provisioning.mode");
	}

	@Test
	void anyOtherFailureOfTheStarterIsDescribedByItsMessageAfterTheSpecificOnes() {
		NatsJetStreamFailureAnalyzer analyzer = new NatsJetStreamFailureAnalyzer();
		assertThat(analyzer.analyze(wrapped(new NatsJetStreamException("Could not look up the stream")))
			.getDescription()).isEqualTo("Could not look up the stream");
		assertThat(analyzer.getOrder()).isGreaterThan(new InvalidHandlerFailureAnalyzer().getOrder())
			.isLessThan(Ordered.LOWEST_PRECEDENCE);
	}

	private static Throwable wrapped(Throwable failure) {
		return new BeanCreationException("natsHandlerContainerRegistry", "Failed to start", failure);
	}

}

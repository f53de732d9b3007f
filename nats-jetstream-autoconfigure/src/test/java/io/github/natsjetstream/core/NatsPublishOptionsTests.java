package io.github.natsjetstream.core;

import java.time.Duration;

import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NatsPublishOptions}.
 */
class NatsPublishOptionsTests {

	@Test
	void optionsBecomeTheHeadersJetStreamDefines() {
		NatsPublishOptions options = NatsPublishOptions.builder()
			.messageId("m-1")
			.expectedStream("ORDERS")
			.expectedLastSequence(7)
			.expectedLastSubjectSequence(0)
			.expectedLastMessageId("m-0")
			.messageTtl(Duration.ofMinutes(2))
			.build();
		Headers headers = options.getHeaders();
		assertThat(headers.getFirst("Nats-Msg-Id")).isEqualTo("m-1");
		assertThat(headers.getFirst("Nats-Expected-Stream")).isEqualTo("ORDERS");
		assertThat(headers.getFirst("Nats-Expected-Last-Sequence")).isEqualTo("7");
		assertThat(headers.getFirst("Nats-Expected-Last-Subject-Sequence")).isEqualTo("0");
		assertThat(headers.getFirst("Nats-Expected-Last-Msg-Id")).isEqualTo("m-0");
		assertThat(headers.getFirst("Nats-TTL")).isEqualTo("120s");
		assertThat(headers.isReadOnly()).isTrue();
	}

	@Test
	void jetStreamSettingsWinOverHeadersOfTheSameName() {
		NatsPublishOptions options = NatsPublishOptions.builder()
			.header("Nats-Msg-Id", "from-header")
			.header("Tenant", "acme")
			.messageId("from-option")
			.build();
		assertThat(options.getHeaders().get("Nats-Msg-Id")).containsExactly("from-option");
		assertThat(options.getHeaders().getFirst("Tenant")).isEqualTo("acme");
	}

	@Test
	void noOptionsSetNoHeaders() {
		assertThat(NatsPublishOptions.none().getHeaders().isEmpty()).isTrue();
		assertThat(NatsPublishOptions.none().getTimeout()).isNull();
	}

	@Test
	void messageTtlMustBeWholeSecondsOfAtLeastOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NatsPublishOptions.builder().messageTtl(Duration.ofMillis(1500)))
			.withMessage("'ttl' must be a whole number of seconds, at least 1s, but was PT1.5S");
		assertThatIllegalArgumentException().isThrownBy(() -> NatsPublishOptions.builder().messageTtl(Duration.ZERO))
			.withMessageContaining("at least 1s");
	}

	@Test
	void sequencesMustNotBeNegativeAndTimeoutsMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NatsPublishOptions.builder().expectedLastSequence(-1))
			.withMessage("'sequence' must not be negative, but was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> NatsPublishOptions.builder().timeout(Duration.ZERO))
			.withMessage("'timeout' must be positive, but was PT0S");
	}

}

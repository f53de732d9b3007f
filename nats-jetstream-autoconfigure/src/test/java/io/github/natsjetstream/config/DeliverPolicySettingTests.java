package io.github.natsjetstream.config;

import java.time.Instant;

import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliverPolicySettingTests {

	@Test
	void acceptsRelaxedSpellings() {
		assertThat(DeliverPolicySetting.of("all").policy()).isEqualTo(DeliverPolicy.All);
		assertThat(DeliverPolicySetting.of("NEW").policy()).isEqualTo(DeliverPolicy.New);
		assertThat(DeliverPolicySetting.of("Last").policy()).isEqualTo(DeliverPolicy.Last);
		assertThat(DeliverPolicySetting.of("last_per_subject").policy()).isEqualTo(DeliverPolicy.LastPerSubject);
		assertThat(DeliverPolicySetting.of("lastPerSubject").policy()).isEqualTo(DeliverPolicy.LastPerSubject);
	}

	@Test
	void byStartTimeCarriesTheInstant() {
		DeliverPolicySetting setting = DeliverPolicySetting.of("by-start-time=2026-01-02T03:04:05Z");
		assertThat(setting.policy()).isEqualTo(DeliverPolicy.ByStartTime);
		assertThat(setting.startTime().toInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
	}

	@Test
	void unknownValuesNameTheAllowedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeliverPolicySetting.of("sometimes"))
			.withMessageContaining("'sometimes'")
			.withMessageContaining("all, new, last, last-per-subject or by-start-time=<ISO-8601 instant>");
		assertThatIllegalArgumentException().isThrownBy(() -> DeliverPolicySetting.of("by-start-time"));
		assertThatIllegalArgumentException().isThrownBy(() -> DeliverPolicySetting.of("by-start-time=yesterday"));
		assertThatIllegalArgumentException().isThrownBy(() -> DeliverPolicySetting.of("all=now"));
	}

}

package io.github.natsjetstream.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NatsServerVersionTests {

	@Test
	void parsesWhatNatsServerPrints() {
		NatsServerVersion version = NatsServerVersion.parse("v2.15.1");

		assertThat(version.major()).isEqualTo(2);
		assertThat(version.minor()).isEqualTo(15);
		assertThat(version.patch()).isEqualTo(1);
		assertThat(version).hasToString("2.15.1");
	}

	@Test
	void missingPartsAreZero() {
		assertThat(NatsServerVersion.parse("2.11")).isEqualTo(NatsServerVersion.parse("2.11.0"))
			.hasToString("2.11.0");
		assertThat(NatsServerVersion.parse("3")).hasToString("3.0.0");
	}

	@Test
	void ordersByNumberNotByText() {
		assertThat(NatsServerVersion.parse("2.9.10")).isLessThan(NatsServerVersion.parse("2.10.0"));
		assertThat(NatsServerVersion.parse("2.10.0")).isLessThan(NatsServerVersion.parse("2.15.1"));
		assertThat(NatsServerVersion.parse("2.9.2")).isLessThan(NatsServerVersion.parse("2.9.10"));
		assertThat(NatsServerVersion.parse("2.15.1")).isLessThan(NatsServerVersion.parse("3.0"));
	}

	@Test
	void preReleaseComesBeforeItsRelease() {
		NatsServerVersion candidate = NatsServerVersion.parse("v2.12.0-RC.1");

		assertThat(candidate).hasToString("2.12.0-RC.1")
			.isLessThan(NatsServerVersion.parse("2.12.0"))
			.isGreaterThan(NatsServerVersion.parse("2.11.9"))
			.isLessThan(NatsServerVersion.parse("2.12.0-RC.2"));
		assertThat(candidate.isAtLeast("2.12")).isFalse();
		assertThat(candidate.isAtLeast("2.11")).isTrue();
	}

	@Test
	void buildMetadataIsIgnored() {
		assertThat(NatsServerVersion.parse("2.11.4+build.7")).isEqualTo(NatsServerVersion.parse("2.11.4"))
			.hasSameHashCodeAs(NatsServerVersion.parse("2.11.4"));
	}

	@Test
	void isAtLeastIncludesTheVersionAndIsBelowExcludesIt() {
		NatsServerVersion version = NatsServerVersion.parse("2.10.0");

		assertThat(version.isAtLeast("2.10")).isTrue();
		assertThat(version.isAtLeast("2.9.10")).isTrue();
		assertThat(version.isAtLeast("2.11")).isFalse();
		assertThat(version.isBelow("2.10")).isFalse();
		assertThat(version.isBelow("2.11")).isTrue();
	}

	@Test
	void textThatIsNoVersionIsRefusedQuotingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsServerVersion.parse("latest"))
			.withMessage("'latest' is not a nats-server version such as 2.11 or 2.15.1");
		assertThatIllegalArgumentException().isThrownBy(() -> NatsServerVersion.parse("2.x"));
	}

}

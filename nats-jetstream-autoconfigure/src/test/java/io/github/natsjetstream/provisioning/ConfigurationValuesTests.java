package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.List;

import io.nats.client.api.StorageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationValuesTests {

	@Test
	void durationsAreCompact() {
		assertThat(ConfigurationValues.format(Duration.ofHours(1))).isEqualTo("1h");
		assertThat(ConfigurationValues.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThat(ConfigurationValues.format(Duration.ofDays(2).plusSeconds(5))).isEqualTo("2d5s");
		assertThat(ConfigurationValues.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
		assertThat(ConfigurationValues.format(Duration.ofNanos(1_000_250))).isEqualTo("1ms250ns");
		assertThat(ConfigurationValues.format(Duration.ZERO)).isEqualTo("0s");
	}

	@Test
	void zeroAgeIsUnlimited() {
		assertThat(ConfigurationValues.formatAge(Duration.ZERO)).isEqualTo("unlimited");
		assertThat(ConfigurationValues.formatAge(Duration.ofSeconds(30))).isEqualTo("30s");
	}

	@Test
	void negativeLimitsAreUnlimited() {
		assertThat(ConfigurationValues.formatLimit(-1L)).isEqualTo("unlimited");
		assertThat(ConfigurationValues.formatLimit(10L)).isEqualTo("10");
	}

	@Test
	void sizesUseTheLargestExactUnit() {
		assertThat(ConfigurationValues.formatSize(-1L)).isEqualTo("unlimited");
		assertThat(ConfigurationValues.formatSize(1024L * 1024)).isEqualTo("1MB");
		assertThat(ConfigurationValues.formatSize(1536L)).isEqualTo("1536B");
		assertThat(ConfigurationValues.formatSize(3L * 1024 * 1024 * 1024)).isEqualTo("3GB");
		assertThat(ConfigurationValues.formatSize(0L)).isEqualTo("0B");
	}

	@Test
	void textIsQuotedAndListsAreBracketed() {
		assertThat(ConfigurationValues.format("All orders")).isEqualTo("'All orders'");
		assertThat(ConfigurationValues.format(List.of("orders.>", "refunds.>"))).isEqualTo("[orders.>, refunds.>]");
		assertThat(ConfigurationValues.format(null)).isEqualTo("none");
		assertThat(ConfigurationValues.format(StorageType.Memory)).isEqualTo("memory");
	}

}

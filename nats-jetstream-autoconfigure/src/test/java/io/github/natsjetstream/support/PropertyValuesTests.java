package io.github.natsjetstream.support;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyValuesTests {

	@Test
	void durationsAreWrittenInTheLargestExactUnit() {
		assertThat(PropertyValues.format(Duration.ofSeconds(30))).isEqualTo("30s");
		assertThat(PropertyValues.format(Duration.ofHours(-1))).isEqualTo("-1h");
		assertThat(PropertyValues.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(PropertyValues.format(Duration.ofDays(2))).isEqualTo("2d");
		assertThat(PropertyValues.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(PropertyValues.format(Duration.ofNanos(10))).isEqualTo("10ns");
	}

	@Test
	void sizesAreWrittenInTheLargestExactUnit() {
		assertThat(PropertyValues.format(DataSize.ofMegabytes(-5))).isEqualTo("-5MB");
		assertThat(PropertyValues.format(DataSize.ofGigabytes(5))).isEqualTo("5GB");
		assertThat(PropertyValues.format(DataSize.ofBytes(1500))).isEqualTo("1500B");
		assertThat(PropertyValues.format(DataSize.ofBytes(0))).isEqualTo("0B");
	}

	@Test
	void listsAreWrittenCommaSeparated() {
		assertThat(PropertyValues.format(List.of(Duration.ofSeconds(1), Duration.ofSeconds(-1)))).isEqualTo("1s,-1s");
	}

	@Test
	void otherValuesAreWrittenAsTheyPrint() {
		assertThat(PropertyValues.format(5)).isEqualTo("5");
		assertThat(PropertyValues.format(null)).isEqualTo("null");
	}

}

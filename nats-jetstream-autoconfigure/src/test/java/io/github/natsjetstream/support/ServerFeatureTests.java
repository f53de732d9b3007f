package io.github.natsjetstream.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerFeatureTests {

	@ParameterizedTest
	@CsvSource({ "2.9.10, false", "2.10.0, true", "2.10.22, true", "v2.10.1, true", "2.10.0-RC.3, true",
			"2.11.0, true", "3.0.0, true", "1.4.1, false", "2.1.0, false" })
	void featureOf210IsSupportedFromTheFirstReleaseOf210(String version, boolean supported) {
		assertThat(ServerFeature.COMPRESSION.isSupportedBy(version)).isEqualTo(supported);
	}

	@ParameterizedTest
	@CsvSource({ "2.10.29, false", "2.11.0-preview.1, true", "2.11.9, true", "2.12.0, true" })
	void featureOf211IsSupportedFrom211(String version, boolean supported) {
		assertThat(ServerFeature.MESSAGE_TTL.isSupportedBy(version)).isEqualTo(supported);
	}

	@Test
	void unreadableVersionLeavesTheJudgementToTheServer() {
		assertThat(ServerFeature.MESSAGE_SCHEDULES.isSupportedBy("main")).isTrue();
	}

	@Test
	void requirementNamesTheSettingTheVersionAndTheFeature() {
		assertThat(ServerFeature.MESSAGE_COUNTERS.describeRequirement("nats.jetstream.streams.HITS.allow-msg-counter"))
			.isEqualTo("nats.jetstream.streams.HITS.allow-msg-counter needs nats-server 2.12 or later (message "
					+ "counters)");
	}

	@Test
	void minimumVersionsMatchTheServerReleases() {
		assertThat(ServerFeature.MULTIPLE_FILTER_SUBJECTS.getMinimumVersion()).isEqualTo("2.10");
		assertThat(ServerFeature.METADATA.getMinimumVersion()).isEqualTo("2.10");
		assertThat(ServerFeature.COMPRESSION.getMinimumVersion()).isEqualTo("2.10");
		assertThat(ServerFeature.SUBJECT_TRANSFORMS.getMinimumVersion()).isEqualTo("2.10");
		assertThat(ServerFeature.FIRST_SEQUENCE.getMinimumVersion()).isEqualTo("2.10");
		assertThat(ServerFeature.API_LEVEL.getMinimumVersion()).isEqualTo("2.11");
		assertThat(ServerFeature.MESSAGE_TTL.getMinimumVersion()).isEqualTo("2.11");
		assertThat(ServerFeature.SUBJECT_DELETE_MARKERS.getMinimumVersion()).isEqualTo("2.11");
		assertThat(ServerFeature.KEY_VALUE_LIMIT_MARKERS.getMinimumVersion()).isEqualTo("2.11");
		assertThat(ServerFeature.CONSUMER_PAUSE.getMinimumVersion()).isEqualTo("2.11");
		assertThat(ServerFeature.PRIORITY_GROUPS.getMinimumVersion()).isEqualTo("2.11");
		assertThat(ServerFeature.ATOMIC_PUBLISH.getMinimumVersion()).isEqualTo("2.12");
		assertThat(ServerFeature.MESSAGE_COUNTERS.getMinimumVersion()).isEqualTo("2.12");
		assertThat(ServerFeature.MESSAGE_SCHEDULES.getMinimumVersion()).isEqualTo("2.12");
	}

}

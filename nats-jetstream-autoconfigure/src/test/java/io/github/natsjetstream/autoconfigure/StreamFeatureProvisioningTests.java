package io.github.natsjetstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.natsjetstream.provisioning.ConfigurationDifference;
import io.github.natsjetstream.provisioning.ManagedMetadata;
import io.github.natsjetstream.provisioning.ProvisioningOutcome;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.provisioning.ProvisioningResult;
import io.github.natsjetstream.provisioning.ResourceType;
import io.github.natsjetstream.support.ServerFeature;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.CompressionOption;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.natsjetstream.autoconfigure.ProvisioningTestSupport.provisioningFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Provisioning of the stream settings of nats-server 2.10 to 2.12 against a real server:
 * each is created as declared, left alone when unchanged, changed in place where the
 * server allows and refused by name where it does not; on older servers each is a named
 * startup error. Every test uses its own stream names.
 */
class StreamFeatureProvisioningTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Connection admin;

	private static JetStreamManagement management;

	private final ApplicationContextRunner contextRunner = ProvisioningTestSupport.contextRunner(nats.url())
		.withPropertyValues("spring.application.name=orders-service");

	@BeforeAll
	static void connectAdmin() throws Exception {
		admin = Nats.connect(nats.url());
		management = admin.jetStreamManagement();
	}

	@AfterAll
	static void closeAdmin() throws InterruptedException {
		admin.close();
	}

	@Test
	void everyNewSettingIsCreatedAsDeclaredAndAnUnchangedRestartWritesNothing() throws Exception {
		ServerVersions.assumeSupported(admin, ServerFeature.MESSAGE_SCHEDULES);
		String features = "nats.jetstream.streams.CREATED_FEATURES.";
		String counters = "nats.jetstream.streams.CREATED_COUNTERS.";
		String sourced = "nats.jetstream.streams.CREATED_SOURCED.";
		String mirror = "nats.jetstream.streams.CREATED_MIRROR.";
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(features + "subjects=created.in.>",
				features + "metadata.team=orders", features + "metadata.tier=gold", features + "compression=s2",
				features + "subject-transform.source=created.in.>",
				features + "subject-transform.destination=created.stored.>", features + "placement.tags=ssd",
				features + "allow-direct=true", features + "first-sequence=100", features + "allow-msg-ttl=true",
				features + "subject-delete-marker-ttl=5s", features + "allow-atomic-publish=true",
				features + "allow-msg-schedules=true", counters + "subjects=created.counters.>",
				counters + "allow-msg-counter=true", sourced + "sources[0].name=CREATED_FEATURES",
				sourced + "sources[0].subject-transforms[0].source=created.stored.>",
				sourced + "sources[0].subject-transforms[0].destination=created.copied.>",
				sourced + "sources[1].name=CREATED_COUNTERS", sourced + "sources[1].filter-subject=created.counters.a",
				mirror + "mirror.name=CREATED_FEATURES", mirror + "mirror.filter-subject=created.stored.a.>");
		runner.run((context) -> assertThat(context.getBean(ProvisioningReport.class).getResults())
			.extracting(ProvisioningResult::outcome)
			.containsOnly(ProvisioningOutcome.CREATED)
			.hasSize(4));
		StreamConfiguration created = management.getStreamInfo("CREATED_FEATURES").getConfiguration();
		assertThat(created.getMetadata()).containsEntry("team", "orders")
			.containsEntry("tier", "gold")
			.containsEntry(ManagedMetadata.MANAGED_BY, "nats-jetstream-spring-boot-starter")
			.containsEntry(ManagedMetadata.APPLICATION, "orders-service");
		assertThat(created.getCompressionOption()).isEqualTo(CompressionOption.S2);
		assertThat(created.getSubjectTransform().getSource()).isEqualTo("created.in.>");
		assertThat(created.getSubjectTransform().getDestination()).isEqualTo("created.stored.>");
		assertThat(created.getPlacement().getTags()).containsExactly("ssd");
		assertThat(created.getAllowDirect()).isTrue();
		assertThat(created.getFirstSequence()).isEqualTo(100);
		assertThat(created.getAllowMessageTtl()).isTrue();
		assertThat(created.getSubjectDeleteMarkerTtl()).isEqualTo(Duration.ofSeconds(5));
		assertThat(created.getAllowAtomicPublish()).isTrue();
		assertThat(created.getAllowMsgSchedules()).isTrue();
		assertThat(admin.jetStream().publish("created.in.a.1", "x".getBytes(StandardCharsets.UTF_8)).getSeqno())
			.isEqualTo(100);
		assertThat(management.getStreamInfo("CREATED_COUNTERS").getConfiguration().getAllowMessageCounter())
			.isTrue();
		assertThat(management.getStreamInfo("CREATED_SOURCED").getConfiguration().getSources())
			.extracting((source) -> source.getName(), (source) -> source.getFilterSubject(),
					(source) -> (source.getSubjectTransforms() != null) ? source.getSubjectTransforms().size() : 0)
			.containsExactly(tuple("CREATED_FEATURES", null, 1),
					tuple("CREATED_COUNTERS", "created.counters.a", 0));
		assertThat(management.getStreamInfo("CREATED_MIRROR").getConfiguration().getMirror().getFilterSubject())
			.isEqualTo("created.stored.a.>");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			runner.run((context) -> assertThat(context.getBean(ProvisioningReport.class).getResults())
				.extracting(ProvisioningResult::outcome)
				.containsOnly(ProvisioningOutcome.UNCHANGED)
				.hasSize(4));
			assertThat(recorder.writes()).isEmpty();
		}
	}

	@Test
	void everyUpdatableSettingChangesInPlaceInOneUpdate() throws Exception {
		ServerVersions.assumeSupported(admin, ServerFeature.MESSAGE_SCHEDULES);
		String stream = "nats.jetstream.streams.INPLACE.";
		String sourced = "nats.jetstream.streams.INPLACE_SOURCED.";
		this.contextRunner.withPropertyValues(stream + "subjects=inplace.in.>", stream + "metadata.team=a",
				stream + "compression=none", stream + "subject-transform.source=inplace.in.>",
				stream + "subject-transform.destination=inplace.one.>", stream + "placement.tags=a",
				stream + "allow-direct=true", stream + "allow-msg-ttl=false", stream + "allow-atomic-publish=true",
				stream + "allow-msg-schedules=false", sourced + "sources[0].name=INPLACE",
				sourced + "sources[0].filter-subject=inplace.one.a")
			.run((context) -> assertThat(context).hasNotFailed());
		ApplicationContextRunner changed = this.contextRunner.withPropertyValues(stream + "subjects=inplace.in.>",
				stream + "metadata.team=b", stream + "metadata.tier=1", stream + "compression=s2",
				stream + "subject-transform.source=inplace.in.>",
				stream + "subject-transform.destination=inplace.two.>", stream + "placement.tags=b",
				stream + "allow-direct=false", stream + "allow-msg-ttl=true",
				stream + "subject-delete-marker-ttl=10s", stream + "allow-atomic-publish=false",
				stream + "allow-msg-schedules=true", sourced + "sources[0].name=INPLACE",
				sourced + "sources[0].subject-transforms[0].source=inplace.two.>",
				sourced + "sources[0].subject-transforms[0].destination=inplace.copied.>");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			changed.run((context) -> {
				ProvisioningReport report = context.getBean(ProvisioningReport.class);
				assertThat(report.getResult(ResourceType.STREAM, "INPLACE").differences()).containsExactly(
						new ConfigurationDifference("placement", "'{\"tags\":[\"a\"]}'", "'{\"tags\":[\"b\"]}'",
								true),
						new ConfigurationDifference("allow_direct", "true", "false", true),
						new ConfigurationDifference("metadata", "{team=a}", "{team=b, tier=1}", true),
						new ConfigurationDifference("compression", "none", "s2", true),
						new ConfigurationDifference("subject_transform",
								"'{\"src\":\"inplace.in.>\",\"dest\":\"inplace.one.>\"}'",
								"'{\"src\":\"inplace.in.>\",\"dest\":\"inplace.two.>\"}'", true),
						new ConfigurationDifference("allow_msg_ttl", "false", "true", true),
						new ConfigurationDifference("subject_delete_marker_ttl", "none", "10s", true),
						new ConfigurationDifference("allow_atomic", "true", "false", true),
						new ConfigurationDifference("allow_msg_schedules", "false", "true", true));
				assertThat(report.getResult(ResourceType.STREAM, "INPLACE_SOURCED").differences())
					.extracting(ConfigurationDifference::field, ConfigurationDifference::updatable)
					.containsExactly(tuple("sources", true));
			});
			assertThat(recorder.writes()).containsExactly("$JS.API.STREAM.UPDATE.INPLACE",
					"$JS.API.STREAM.UPDATE.INPLACE_SOURCED");
		}
		StreamConfiguration updated = management.getStreamInfo("INPLACE").getConfiguration();
		assertThat(updated.getMetadata()).containsEntry("team", "b")
			.containsEntry("tier", "1")
			.containsEntry(ManagedMetadata.APPLICATION, "orders-service");
		assertThat(updated.getCompressionOption()).isEqualTo(CompressionOption.S2);
		assertThat(updated.getSubjectTransform().getDestination()).isEqualTo("inplace.two.>");
		assertThat(updated.getPlacement().getTags()).containsExactly("b");
		assertThat(updated.getAllowDirect()).isFalse();
		assertThat(updated.getAllowMessageTtl()).isTrue();
		assertThat(updated.getSubjectDeleteMarkerTtl()).isEqualTo(Duration.ofSeconds(10));
		assertThat(updated.getAllowAtomicPublish()).isFalse();
		assertThat(updated.getAllowMsgSchedules()).isTrue();
		assertThat(management.getStreamInfo("INPLACE_SOURCED").getConfiguration().getSources().get(0)
			.getSubjectTransforms()).hasSize(1);
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			changed.run((context) -> assertThat(context).hasNotFailed());
			assertThat(recorder.writes()).isEmpty();
		}
	}

	@Test
	void settingsTheServerCannotChangeAreRefusedByNameAndNothingIsWritten() throws Exception {
		ServerVersions.assumeSupported(admin, ServerFeature.MESSAGE_SCHEDULES);
		String stream = "nats.jetstream.streams.REFUSED_FEATURES.";
		String counters = "nats.jetstream.streams.REFUSED_COUNTERS.";
		String mirror = "nats.jetstream.streams.REFUSED_MIRROR.";
		this.contextRunner.withPropertyValues(stream + "subjects=refused.features.>", stream + "first-sequence=100",
				stream + "allow-msg-ttl=true", stream + "allow-msg-schedules=true",
				counters + "subjects=refused.counters.>", counters + "allow-msg-counter=false",
				mirror + "mirror.name=REFUSED_FEATURES", mirror + "mirror.filter-subject=refused.features.a")
			.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues(stream + "subjects=refused.features.>", stream + "first-sequence=200",
						stream + "allow-msg-ttl=false", stream + "allow-msg-schedules=false",
						counters + "subjects=refused.counters.>", counters + "allow-msg-counter=true",
						mirror + "mirror.name=REFUSED_FEATURES", mirror + "mirror.filter-subject=refused.features.b")
				.run((context) -> assertThat(provisioningFailure(context).getMessage())
					.contains("Stream 'REFUSED_FEATURES' cannot be updated in place: JetStream cannot change these "
							+ "fields of an existing stream: first_seq: 100 -> 200, allow_msg_ttl: true -> false, "
							+ "allow_msg_schedules: true -> false (server -> declared).")
					.contains("Stream 'REFUSED_COUNTERS' cannot be updated in place: JetStream cannot change these "
							+ "fields of an existing stream: allow_msg_counter: false -> true (server -> declared).")
					.contains("Stream 'REFUSED_MIRROR' cannot be updated in place: JetStream cannot change these "
							+ "fields of an existing stream: mirror: "
							+ "'{\"name\":\"REFUSED_FEATURES\",\"filter_subject\":\"refused.features.a\"}' -> "
							+ "'{\"name\":\"REFUSED_FEATURES\",\"filter_subject\":\"refused.features.b\"}'"));
			assertThat(recorder.writes()).isEmpty();
		}
		StreamConfiguration kept = management.getStreamInfo("REFUSED_FEATURES").getConfiguration();
		assertThat(kept.getFirstSequence()).isEqualTo(100);
		assertThat(kept.getAllowMessageTtl()).isTrue();
		assertThat(kept.getAllowMsgSchedules()).isTrue();
		assertThat(management.getStreamInfo("REFUSED_COUNTERS").getConfiguration().getAllowMessageCounter())
			.isFalse();
	}

	@Test
	void serverKeysAndAnotherApplicationsMarkAreNotADifference() throws Exception {
		ServerVersions.assumeSupported(admin, ServerFeature.METADATA);
		String stream = "nats.jetstream.streams.MARKED.";
		this.contextRunner.withPropertyValues(stream + "subjects=marked.>", stream + "metadata.team=orders")
			.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues("spring.application.name=billing-service", stream + "subjects=marked.>",
						stream + "metadata.team=orders")
				.run((context) -> assertThat(context.getBean(ProvisioningReport.class).getResults())
					.extracting(ProvisioningResult::outcome)
					.containsExactly(ProvisioningOutcome.UNCHANGED));
			assertThat(recorder.writes()).isEmpty();
		}
		assertThat(management.getStreamInfo("MARKED").getConfiguration().getMetadata())
			.containsEntry(ManagedMetadata.APPLICATION, "orders-service");
	}

	@Test
	void onServersBefore210EveryNewSettingIsANamedErrorAndNothingIsCreated() throws Exception {
		ServerVersions.assumeLacking(admin, ServerFeature.METADATA);
		String version = admin.getServerInfo().getVersion();
		String stream = "nats.jetstream.streams.OLD_SERVER.";
		String mirror = "nats.jetstream.streams.OLD_SERVER_MIRROR.";
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner.withPropertyValues(stream + "subjects=old.server.>", stream + "metadata.team=orders",
					stream + "compression=s2", stream + "subject-transform.source=old.server.>",
					stream + "subject-transform.destination=old.stored.>", stream + "sources[0].name=ELSEWHERE",
					stream + "sources[0].subject-transforms[0].source=a.>",
					stream + "sources[0].subject-transforms[0].destination=b.>", stream + "first-sequence=100",
					stream + "allow-msg-ttl=true", stream + "subject-delete-marker-ttl=5s",
					stream + "allow-atomic-publish=true", stream + "allow-msg-counter=true",
					stream + "allow-msg-schedules=true", stream + "allow-direct=true", mirror + "mirror.name=OLD_SERVER",
					mirror + "mirror.subject-transforms[0].source=old.stored.>",
					mirror + "mirror.subject-transforms[0].destination=old.mirrored.>")
				.run((context) -> assertThat(provisioningFailure(context).getMessage()).isEqualTo(
						"2 of 2 declared JetStream resources could not be provisioned:" + System.lineSeparator()
								+ "- Stream 'OLD_SERVER' cannot be provisioned on nats-server " + version + ": "
								+ "nats.jetstream.streams.OLD_SERVER.sources needs nats-server 2.10 or later "
								+ "(subject transforms), "
								+ "nats.jetstream.streams.OLD_SERVER.metadata needs nats-server 2.10 or later "
								+ "(metadata), "
								+ "nats.jetstream.streams.OLD_SERVER.compression needs nats-server 2.10 or later "
								+ "(compression), "
								+ "nats.jetstream.streams.OLD_SERVER.subject-transform needs nats-server 2.10 or "
								+ "later (subject transforms), "
								+ "nats.jetstream.streams.OLD_SERVER.first-sequence needs nats-server 2.10 or later "
								+ "(a stream's first sequence), "
								+ "nats.jetstream.streams.OLD_SERVER.allow-msg-ttl needs nats-server 2.11 or later "
								+ "(per-message TTL), "
								+ "nats.jetstream.streams.OLD_SERVER.subject-delete-marker-ttl needs nats-server "
								+ "2.11 or later (subject delete markers), "
								+ "nats.jetstream.streams.OLD_SERVER.allow-atomic-publish needs nats-server 2.12 or "
								+ "later (atomic batch publish), "
								+ "nats.jetstream.streams.OLD_SERVER.allow-msg-counter needs nats-server 2.12 or "
								+ "later (message counters), "
								+ "nats.jetstream.streams.OLD_SERVER.allow-msg-schedules needs nats-server 2.12 or "
								+ "later (message schedules). Nothing was created or changed. Upgrade the server, "
								+ "or remove these settings." + System.lineSeparator()
								+ "- Stream 'OLD_SERVER_MIRROR' cannot be provisioned on nats-server " + version
								+ ": nats.jetstream.streams.OLD_SERVER_MIRROR.mirror needs nats-server 2.10 or "
								+ "later (subject transforms). Nothing was created or changed. Upgrade the server, "
								+ "or remove the setting."));
			assertThat(recorder.requests()).isEmpty();
		}
		assertThat(management.getStreamNames()).doesNotContain("OLD_SERVER", "OLD_SERVER_MIRROR");
	}

	@Test
	void onServersBefore210SettingsOfOlderServersStillWork() throws Exception {
		ServerVersions.assumeLacking(admin, ServerFeature.METADATA);
		String origin = "nats.jetstream.streams.OLD_ORIGIN.";
		String copy = "nats.jetstream.streams.OLD_COPY.";
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(origin + "subjects=old.origin.>",
				origin + "allow-direct=true", origin + "compression=none", origin + "allow-msg-ttl=false",
				copy + "sources[0].name=OLD_ORIGIN", copy + "sources[0].filter-subject=old.origin.a");
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(management.getStreamInfo("OLD_ORIGIN").getConfiguration().getAllowDirect()).isTrue();
		assertThat(management.getStreamInfo("OLD_COPY").getConfiguration().getSources().get(0).getFilterSubject())
			.isEqualTo("old.origin.a");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			runner.run((context) -> assertThat(context).hasNotFailed());
			assertThat(recorder.writes()).isEmpty();
		}
	}

}

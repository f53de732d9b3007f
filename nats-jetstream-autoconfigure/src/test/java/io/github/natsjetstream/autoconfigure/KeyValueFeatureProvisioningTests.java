package io.github.natsjetstream.autoconfigure;

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
import io.nats.client.KeyValueManagement;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.natsjetstream.autoconfigure.ProvisioningTestSupport.provisioningFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Provisioning of the key-value bucket settings of nats-server 2.10 and 2.11 against a
 * real server: each is created as declared, left alone when unchanged, changed in place
 * where the server allows and refused by name where it does not; on older servers each
 * is a named startup error. Every test uses its own bucket names.
 */
class KeyValueFeatureProvisioningTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Connection admin;

	private static KeyValueManagement management;

	private final ApplicationContextRunner contextRunner = ProvisioningTestSupport.contextRunner(nats.url())
		.withPropertyValues("spring.application.name=orders-service");

	@BeforeAll
	static void connectAdmin() throws Exception {
		admin = Nats.connect(nats.url());
		management = admin.keyValueManagement();
	}

	@AfterAll
	static void closeAdmin() throws InterruptedException {
		admin.close();
	}

	@Test
	void everyNewSettingIsCreatedAsDeclaredAndAnUnchangedRestartWritesNothing() throws Exception {
		ServerVersions.assumeSupported(admin, ServerFeature.KEY_VALUE_LIMIT_MARKERS);
		String bucket = "nats.jetstream.key-value.created-cache.";
		String copy = "nats.jetstream.key-value.created-copy.";
		String mirror = "nats.jetstream.key-value.created-mirror.";
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(bucket + "compression=true",
				bucket + "metadata.owner=orders", bucket + "republish.source=$KV.created-cache.>",
				bucket + "republish.destination=created.changes.>", bucket + "republish.headers-only=true",
				bucket + "limit-marker-ttl=5s", bucket + "ttl=1h", copy + "sources[0].name=created-cache",
				copy + "sources[0].filter-subject=$KV.created-cache.a.>", mirror + "mirror.name=created-cache");
		runner.run((context) -> assertThat(context.getBean(ProvisioningReport.class).getResults())
			.extracting(ProvisioningResult::outcome)
			.containsOnly(ProvisioningOutcome.CREATED)
			.hasSize(3));
		KeyValueConfiguration created = management.getStatus("created-cache").getConfiguration();
		assertThat(created.isCompressed()).isTrue();
		assertThat(created.getMetadata()).containsEntry("owner", "orders")
			.containsEntry(ManagedMetadata.MANAGED_BY, "nats-jetstream-spring-boot-starter")
			.containsEntry(ManagedMetadata.APPLICATION, "orders-service");
		assertThat(created.getRepublish().getSource()).isEqualTo("$KV.created-cache.>");
		assertThat(created.getRepublish().getDestination()).isEqualTo("created.changes.>");
		assertThat(created.getRepublish().isHeadersOnly()).isTrue();
		assertThat(created.getLimitMarkerTtl()).isEqualTo(Duration.ofSeconds(5));
		assertThat(management.getStatus("created-copy").getConfiguration().getSources())
			.extracting((source) -> source.getName(), (source) -> source.getFilterSubject())
			.containsExactly(tuple("KV_created-cache", "$KV.created-cache.a.>"));
		assertThat(management.getStatus("created-mirror").getConfiguration().getMirror().getName())
			.isEqualTo("KV_created-cache");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			runner.run((context) -> assertThat(context.getBean(ProvisioningReport.class).getResults())
				.extracting(ProvisioningResult::outcome)
				.containsOnly(ProvisioningOutcome.UNCHANGED)
				.hasSize(3));
			assertThat(recorder.writes()).isEmpty();
		}
	}

	@Test
	void everyUpdatableSettingChangesInPlace() throws Exception {
		ServerVersions.assumeSupported(admin, ServerFeature.KEY_VALUE_LIMIT_MARKERS);
		String bucket = "nats.jetstream.key-value.inplace-cache.";
		String copy = "nats.jetstream.key-value.inplace-copy.";
		this.contextRunner.withPropertyValues(bucket + "compression=true", bucket + "metadata.owner=orders",
				bucket + "republish.source=$KV.inplace-cache.>", bucket + "republish.destination=inplace.one.>",
				bucket + "limit-marker-ttl=5s", copy + "sources[0].name=inplace-cache")
			.run((context) -> assertThat(context).hasNotFailed());
		ApplicationContextRunner changed = this.contextRunner.withPropertyValues(bucket + "compression=false",
				bucket + "metadata.owner=billing", bucket + "republish.source=$KV.inplace-cache.>",
				bucket + "republish.destination=inplace.two.>", bucket + "limit-marker-ttl=0",
				copy + "sources[0].name=inplace-cache", copy + "sources[0].filter-subject=$KV.inplace-cache.a.>");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			changed.run((context) -> {
				ProvisioningReport report = context.getBean(ProvisioningReport.class);
				assertThat(report.getResult(ResourceType.KEY_VALUE, "inplace-cache").differences())
					.containsExactly(new ConfigurationDifference("compression", "true", "false", true),
							new ConfigurationDifference("metadata", "{owner=orders}", "{owner=billing}", true),
							new ConfigurationDifference("republish",
									"'{\"src\":\"$KV.inplace-cache.>\",\"dest\":\"inplace.one.>\"}'",
									"'{\"src\":\"$KV.inplace-cache.>\",\"dest\":\"inplace.two.>\"}'", true),
							new ConfigurationDifference("limit_marker_ttl", "5s", "none", true));
				assertThat(report.getResult(ResourceType.KEY_VALUE, "inplace-copy").differences())
					.extracting(ConfigurationDifference::field, ConfigurationDifference::updatable)
					.containsExactly(tuple("sources", true));
			});
			assertThat(recorder.writes()).containsExactly("$JS.API.STREAM.UPDATE.KV_inplace-cache",
					"$JS.API.STREAM.UPDATE.KV_inplace-copy");
		}
		KeyValueConfiguration updated = management.getStatus("inplace-cache").getConfiguration();
		assertThat(updated.isCompressed()).isFalse();
		assertThat(updated.getMetadata()).containsEntry("owner", "billing");
		assertThat(updated.getRepublish().getDestination()).isEqualTo("inplace.two.>");
		assertThat(updated.getLimitMarkerTtl()).isNull();
		KeyValueConfiguration updatedCopy = management.getStatus("inplace-copy").getConfiguration();
		assertThat(updatedCopy.getSources().get(0).getFilterSubject()).isEqualTo("$KV.inplace-cache.a.>");
		assertThat(updatedCopy.getBackingConfig().getSubjects()).isEmpty();
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			changed.run((context) -> assertThat(context).hasNotFailed());
			assertThat(recorder.writes()).isEmpty();
		}
	}

	@Test
	void changeOfTheMirrorIsRefusedByName() throws Exception {
		String mirror = "nats.jetstream.key-value.refused-mirror.";
		this.contextRunner
			.withPropertyValues("nats.jetstream.key-value.refused-one.history=1",
					"nats.jetstream.key-value.refused-two.history=1", mirror + "mirror.name=refused-one")
			.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner.withPropertyValues(mirror + "mirror.name=refused-two")
				.run((context) -> assertThat(provisioningFailure(context).getMessage()).startsWith(
						"Key-value bucket 'refused-mirror' cannot be updated in place: JetStream cannot change "
								+ "these fields of an existing bucket: mirror: '{\"name\":\"KV_refused-one\"}' -> "
								+ "'{\"name\":\"KV_refused-two\"}' (server -> declared). Nothing was changed."));
			assertThat(recorder.writes()).isEmpty();
		}
	}

	@Test
	void onServersBefore210EveryNewSettingIsANamedErrorAndNothingIsCreated() throws Exception {
		ServerVersions.assumeLacking(admin, ServerFeature.METADATA);
		String version = admin.getServerInfo().getVersion();
		String bucket = "nats.jetstream.key-value.old-server.";
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner.withPropertyValues(bucket + "compression=true", bucket + "metadata.owner=orders",
					bucket + "republish.source=$KV.old-server.>", bucket + "republish.destination=old.changes.>",
					bucket + "sources[0].name=elsewhere", bucket + "sources[0].subject-transforms[0].source=a.>",
					bucket + "sources[0].subject-transforms[0].destination=b.>", bucket + "limit-marker-ttl=5s")
				.run((context) -> assertThat(provisioningFailure(context).getMessage())
					.isEqualTo("Key-value bucket 'old-server' cannot be provisioned on nats-server " + version + ": "
							+ "nats.jetstream.key-value.old-server.compression needs nats-server 2.10 or later "
							+ "(compression), "
							+ "nats.jetstream.key-value.old-server.metadata needs nats-server 2.10 or later "
							+ "(metadata), "
							+ "nats.jetstream.key-value.old-server.sources needs nats-server 2.10 or later "
							+ "(subject transforms), "
							+ "nats.jetstream.key-value.old-server.limit-marker-ttl needs nats-server 2.11 or later "
							+ "(key-value limit markers). Nothing was created or changed. Upgrade the server, or "
							+ "remove these settings."));
			assertThat(recorder.requests()).isEmpty();
		}
	}

}

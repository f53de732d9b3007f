package io.github.natsjetstream.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.natsjetstream.provisioning.NatsKeyValue;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.api.CompressionOption;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * From the properties of a stream or bucket to its declaration, without a server.
 */
class PropertiesDeclarationsTests {

	private static final String STREAM = "nats.jetstream.streams.ORDERS.";

	private static final String BUCKET = "nats.jetstream.key-value.cache.";

	@Test
	void everyNewStreamPropertyReachesTheDeclaration() {
		NatsStream stream = stream(Map.ofEntries(Map.entry(STREAM + "subjects", "orders.>"),
				Map.entry(STREAM + "metadata.team", "orders"), Map.entry(STREAM + "metadata[Cost.Centre]", "42"),
				Map.entry(STREAM + "compression", "S2"), Map.entry(STREAM + "subject-transform.source", "orders.>"),
				Map.entry(STREAM + "subject-transform.destination", "stored.>"),
				Map.entry(STREAM + "sources[0].name", "LEGACY"),
				Map.entry(STREAM + "sources[0].filter-subject", "legacy.orders.>"),
				Map.entry(STREAM + "sources[1].name", "OTHER"),
				Map.entry(STREAM + "sources[1].subject-transforms[0].source", "other.>"),
				Map.entry(STREAM + "sources[1].subject-transforms[0].destination", "orders.other.>"),
				Map.entry(STREAM + "placement.cluster", "east"), Map.entry(STREAM + "placement.tags", "ssd,fast"),
				Map.entry(STREAM + "allow-direct", "true"), Map.entry(STREAM + "first-sequence", "1000"),
				Map.entry(STREAM + "allow-msg-ttl", "true"), Map.entry(STREAM + "subject-delete-marker-ttl", "15m"),
				Map.entry(STREAM + "allow-atomic-publish", "true"), Map.entry(STREAM + "allow-msg-counter", "false"),
				Map.entry(STREAM + "allow-msg-schedules", "true")));
		StreamConfiguration configuration = stream.getConfiguration();
		assertThat(configuration.getMetadata()).containsOnly(entry("team", "orders"), entry("Cost.Centre", "42"));
		assertThat(configuration.getCompressionOption()).isEqualTo(CompressionOption.S2);
		assertThat(configuration.getSubjectTransform().getSource()).isEqualTo("orders.>");
		assertThat(configuration.getSubjectTransform().getDestination()).isEqualTo("stored.>");
		assertThat(configuration.getSources()).extracting((source) -> source.getName(),
				(source) -> source.getFilterSubject())
			.containsExactly(tuple("LEGACY", "legacy.orders.>"), tuple("OTHER", null));
		assertThat(configuration.getSources().get(1).getSubjectTransforms()).singleElement()
			.satisfies((transform) -> assertThat(transform.getDestination()).isEqualTo("orders.other.>"));
		assertThat(configuration.getPlacement().getCluster()).isEqualTo("east");
		assertThat(configuration.getPlacement().getTags()).containsExactly("ssd", "fast");
		assertThat(configuration.getAllowDirect()).isTrue();
		assertThat(configuration.getFirstSequence()).isEqualTo(1000);
		assertThat(configuration.getAllowMessageTtl()).isTrue();
		assertThat(configuration.getSubjectDeleteMarkerTtl()).isEqualTo(Duration.ofMinutes(15));
		assertThat(configuration.getAllowAtomicPublish()).isTrue();
		assertThat(configuration.getAllowMessageCounter()).isFalse();
		assertThat(configuration.getAllowMsgSchedules()).isTrue();
		assertThat(stream.getDeclaredFields()).contains("metadata", "compression", "subject_transform", "sources",
				"placement", "allow_direct", "first_seq", "allow_msg_ttl", "subject_delete_marker_ttl", "allow_atomic",
				"allow_msg_counter", "allow_msg_schedules");
	}

	@Test
	void mirrorPropertiesReachTheDeclaration() {
		StreamConfiguration configuration = stream(Map.of(STREAM + "mirror.name", "ORIGIN",
				STREAM + "mirror.subject-transforms[0].source", "origin.>",
				STREAM + "mirror.subject-transforms[0].destination", "copy.>"))
			.getConfiguration();
		assertThat(configuration.getMirror().getName()).isEqualTo("ORIGIN");
		assertThat(configuration.getMirror().getSubjectTransforms()).singleElement()
			.satisfies((transform) -> assertThat(transform.getSource()).isEqualTo("origin.>"));
	}

	@Test
	void requiredFeaturesAreNamedByTheirProperty() {
		assertThat(stream(Map.of(STREAM + "compression", "s2", STREAM + "allow-msg-ttl", "true",
				STREAM + "sources[0].name", "OTHER", STREAM + "sources[0].subject-transforms[0].source", "a.>",
				STREAM + "sources[0].subject-transforms[0].destination", "b.>"))
			.getRequiredFeatures()).containsExactly(
					entry("nats.jetstream.streams.ORDERS.sources", ServerFeature.SUBJECT_TRANSFORMS),
					entry("nats.jetstream.streams.ORDERS.compression", ServerFeature.COMPRESSION),
					entry("nats.jetstream.streams.ORDERS.allow-msg-ttl", ServerFeature.MESSAGE_TTL));
	}

	@Test
	void valuesThatAskNothingOfTheServerNeedNoFeature() {
		assertThat(stream(Map.of(STREAM + "compression", "none", STREAM + "allow-msg-ttl", "false",
				STREAM + "first-sequence", "1", STREAM + "allow-direct", "true", STREAM + "sources[0].name", "OTHER",
				STREAM + "sources[0].filter-subject", "other.a"))
			.getRequiredFeatures()).isEmpty();
	}

	@Test
	void incompleteSourceNamesTheMissingProperty() {
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> stream(Map.of(STREAM + "sources[0].name", "A", STREAM + "sources[1].filter-subject", "b")))
			.withMessage("Invalid declaration under 'nats.jetstream.streams.ORDERS': 'sources[1].name' must be set");
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> stream(Map.of(STREAM + "mirror.name", "A",
					STREAM + "mirror.subject-transforms[0].source", "a.>")))
			.withMessage("Invalid declaration under 'nats.jetstream.streams.ORDERS': "
					+ "'mirror.subject-transforms[0].destination' must be set");
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> stream(Map.of(STREAM + "subject-transform.destination", "b.>")))
			.withMessage("Invalid declaration under 'nats.jetstream.streams.ORDERS': "
					+ "'subject-transform.source' must be set");
	}

	@Test
	void settingThatTheServerWouldOverrideIsAnInvalidDeclaration() {
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> stream(Map.of(STREAM + "subject-delete-marker-ttl", "5s", STREAM + "allow-rollup",
					"false")))
			.withMessage("Invalid declaration under 'nats.jetstream.streams.ORDERS': 'allow-rollup' false contradicts "
					+ "'subject-delete-marker-ttl', for which the server turns on roll-ups. Leave 'allow-rollup' unset.");
	}

	@Test
	void reservedMetadataKeyIsAnInvalidDeclaration() {
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> stream(Map.of(STREAM + "metadata[_nats.level]", "9")))
			.withMessageStartingWith("Invalid declaration under 'nats.jetstream.streams.ORDERS': Metadata key "
					+ "'_nats.level' is reserved");
	}

	@Test
	void everyNewKeyValuePropertyReachesTheDeclaration() {
		NatsKeyValue keyValue = keyValue(Map.ofEntries(Map.entry(BUCKET + "compression", "true"),
				Map.entry(BUCKET + "metadata.owner", "orders"), Map.entry(BUCKET + "republish.source", "$KV.cache.>"),
				Map.entry(BUCKET + "republish.destination", "changes.>"),
				Map.entry(BUCKET + "republish.headers-only", "true"), Map.entry(BUCKET + "sources[0].name", "other"),
				Map.entry(BUCKET + "limit-marker-ttl", "10s")));
		KeyValueConfiguration configuration = keyValue.getConfiguration();
		assertThat(configuration.isCompressed()).isTrue();
		assertThat(configuration.getMetadata()).containsOnly(entry("owner", "orders"));
		assertThat(configuration.getRepublish().getDestination()).isEqualTo("changes.>");
		assertThat(configuration.getRepublish().isHeadersOnly()).isTrue();
		assertThat(configuration.getSources()).extracting((source) -> source.getName()).containsExactly("KV_other");
		assertThat(configuration.getLimitMarkerTtl()).isEqualTo(Duration.ofSeconds(10));
		assertThat(keyValue.getRequiredFeatures()).containsExactly(
				entry("nats.jetstream.key-value.cache.compression", ServerFeature.COMPRESSION),
				entry("nats.jetstream.key-value.cache.metadata", ServerFeature.METADATA),
				entry("nats.jetstream.key-value.cache.limit-marker-ttl", ServerFeature.KEY_VALUE_LIMIT_MARKERS));
	}

	@Test
	void bucketMirrorIsDeclaredByBucketName() {
		assertThat(keyValue(Map.of(BUCKET + "mirror.name", "origin")).getConfiguration().getMirror().getName())
			.isEqualTo("KV_origin");
	}

	@Test
	void incompleteRepublishNamesTheMissingProperty() {
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> keyValue(Map.of(BUCKET + "republish.source", "$KV.cache.>")))
			.withMessage("Invalid declaration under 'nats.jetstream.key-value.cache': 'republish.destination' must be "
					+ "set");
	}

	private static NatsStream stream(Map<String, String> properties) {
		NatsProperties.Stream stream = bind(properties).getJetstream().getStreams().get("ORDERS");
		return PropertiesDeclarations.stream("ORDERS", stream);
	}

	private static NatsKeyValue keyValue(Map<String, String> properties) {
		NatsProperties.KeyValue keyValue = bind(properties).getJetstream().getKeyValue().get("cache");
		return PropertiesDeclarations.keyValue("cache", keyValue);
	}

	private static NatsProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("nats", Bindable.of(NatsProperties.class));
	}

}

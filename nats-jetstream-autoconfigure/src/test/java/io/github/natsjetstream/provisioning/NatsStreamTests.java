package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.Map;

import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.api.CompressionOption;
import io.nats.client.api.Mirror;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.SubjectTransform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class NatsStreamTests {

	// What nats-server 2.9 returns for a stream created with only a name and subjects
	private static final String SERVER_ORDERS = """
			{"name":"ORDERS","subjects":["orders.>"],"retention":"limits","max_consumers":-1,"max_msgs":-1,
			"max_bytes":-1,"max_age":3600000000000,"max_msgs_per_subject":-1,"max_msg_size":-1,"storage":"file",
			"num_replicas":1,"discard":"old","duplicate_window":120000000000}""";

	@Test
	void declarationMatchingTheServerHasNoDifferences() {
		NatsStream stream = NatsStream.builder("ORDERS")
			.subjects("orders.>")
			.maxAge(Duration.ofHours(1))
			.storage(StorageType.FILE)
			.retention(RetentionPolicy.LIMITS)
			.replicas(1)
			.discard(DiscardPolicy.OLD)
			.build();
		assertThat(stream.compare(server(SERVER_ORDERS))).isEmpty();
	}

	@Test
	void fieldsThatAreNotDeclaredAreNotCompared() {
		StreamConfiguration current = StreamConfiguration.builder(server(SERVER_ORDERS))
			.maxMessages(1000)
			.description("set by an operator")
			.denyDelete(true)
			.build();
		NatsStream stream = NatsStream.builder("ORDERS").subjects("orders.>").build();
		assertThat(stream.compare(current)).isEmpty();
	}

	@Test
	void unsetAndServerDefaultValuesCompareEqual() {
		NatsStream stream = NatsStream.builder("ORDERS")
			.maxMsgs(-1)
			.maxBytes(-1)
			.maxMsgsPerSubject(-1)
			.maxMsgSize(-1)
			.duplicateWindow(Duration.ofMinutes(2))
			.allowRollup(false)
			.denyDelete(false)
			.denyPurge(false)
			.build();
		assertThat(stream.compare(server(SERVER_ORDERS))).isEmpty();
	}

	@Test
	void subjectsDefaultToTheStreamName() {
		StreamConfiguration current = server("""
				{"name":"A","subjects":["A"],"retention":"limits","storage":"file","num_replicas":1,"discard":"old",
				"duplicate_window":120000000000}""");
		assertThat(NatsStream.of(StreamConfiguration.builder().name("A").build()).compare(current)).isEmpty();
	}

	@Test
	void subjectOrderDoesNotMatter() {
		StreamConfiguration current = StreamConfiguration.builder(server(SERVER_ORDERS))
			.subjects("orders.>", "refunds.>")
			.build();
		assertThat(NatsStream.builder("ORDERS").subjects("refunds.>", "orders.>").build().compare(current)).isEmpty();
	}

	@Test
	void changedMaxAgeIsAnUpdatableDifference() {
		NatsStream stream = NatsStream.builder("ORDERS").maxAge(Duration.ofHours(2)).build();
		assertThat(stream.compare(server(SERVER_ORDERS)))
			.containsExactly(new ConfigurationDifference("max_age", "1h", "2h", true));
		assertThat(stream.compare(server(SERVER_ORDERS)).get(0)).hasToString("max_age: 1h -> 2h");
	}

	@Test
	void updatableChangesAreReportedInFieldOrder() {
		NatsStream stream = NatsStream.builder("ORDERS")
			.maxAge(Duration.ofMinutes(90))
			.description("All orders")
			.subjects("orders.>", "refunds.>")
			.maxBytes(1024 * 1024)
			.discard(DiscardPolicy.NEW)
			.maxMsgsPerSubject(10)
			.build();
		assertThat(stream.compare(server(SERVER_ORDERS))).extracting(Object::toString)
			.containsExactly("description: none -> 'All orders'", "subjects: [orders.>] -> [orders.>, refunds.>]",
					"max_bytes: unlimited -> 1MB", "max_age: 1h -> 1h30m", "max_msgs_per_subject: unlimited -> 10",
					"discard: old -> new");
		assertThat(stream.compare(server(SERVER_ORDERS))).allMatch(ConfigurationDifference::updatable);
	}

	@Test
	void changedStorageIsNotUpdatable() {
		NatsStream stream = NatsStream.builder("ORDERS").storage(StorageType.MEMORY).build();
		assertThat(stream.compare(server(SERVER_ORDERS)))
			.containsExactly(new ConfigurationDifference("storage", "file", "memory", false));
	}

	@Test
	void retentionCanChangeBetweenLimitsAndInterestOnly() {
		StreamConfiguration limits = server(SERVER_ORDERS);
		StreamConfiguration workQueue = StreamConfiguration.builder(limits)
			.retentionPolicy(io.nats.client.api.RetentionPolicy.WorkQueue)
			.build();
		assertThat(NatsStream.builder("ORDERS").retention(RetentionPolicy.INTEREST).build().compare(limits))
			.containsExactly(new ConfigurationDifference("retention", "limits", "interest", true));
		assertThat(NatsStream.builder("ORDERS").retention(RetentionPolicy.WORK_QUEUE).build().compare(limits))
			.containsExactly(new ConfigurationDifference("retention", "limits", "workqueue", false));
		assertThat(NatsStream.builder("ORDERS").retention(RetentionPolicy.LIMITS).build().compare(workQueue))
			.containsExactly(new ConfigurationDifference("retention", "workqueue", "limits", false));
	}

	@Test
	void denyDeleteAndDenyPurgeCanBeSetButNotCleared() {
		StreamConfiguration open = server(SERVER_ORDERS);
		StreamConfiguration locked = StreamConfiguration.builder(open).denyDelete(true).denyPurge(true).build();
		assertThat(NatsStream.builder("ORDERS").denyDelete(true).denyPurge(true).build().compare(open))
			.allMatch(ConfigurationDifference::updatable)
			.hasSize(2);
		assertThat(NatsStream.builder("ORDERS").denyDelete(false).denyPurge(false).build().compare(locked))
			.containsExactly(new ConfigurationDifference("deny_delete", "true", "false", false),
					new ConfigurationDifference("deny_purge", "true", "false", false));
	}

	@Test
	void completeConfigurationMatchesWhatTheServerMadeOfIt() {
		StreamConfiguration declared = StreamConfiguration.builder()
			.name("ORDERS")
			.subjects("orders.>")
			.maxAge(Duration.ofHours(1))
			.build();
		assertThat(NatsStream.of(declared).compare(server(SERVER_ORDERS))).isEmpty();
	}

	@Test
	void completeConfigurationWithShortMaxAgeMatchesTheDerivedDuplicateWindow() {
		StreamConfiguration current = server("""
				{"name":"B","subjects":["b.>"],"retention":"limits","max_age":30000000000,"storage":"file",
				"num_replicas":1,"discard":"old","duplicate_window":30000000000}""");
		StreamConfiguration declared = StreamConfiguration.builder()
			.name("B")
			.subjects("b.>")
			.maxAge(Duration.ofSeconds(30))
			.build();
		assertThat(NatsStream.of(declared).compare(current)).isEmpty();
	}

	@Test
	void completeConfigurationComparesEveryField() {
		StreamConfiguration current = StreamConfiguration.builder(server(SERVER_ORDERS)).maxMessages(1000).build();
		StreamConfiguration declared = StreamConfiguration.builder()
			.name("ORDERS")
			.subjects("orders.>")
			.maxAge(Duration.ofHours(1))
			.build();
		assertThat(NatsStream.of(declared).compare(current))
			.containsExactly(new ConfigurationDifference("max_msgs", "1000", "unlimited", true));
		assertThat(NatsStream.of(declared).getDeclaredFields()).containsAll(StreamFields.differ().getFieldNames());
	}

	@Test
	void maxConsumersAndMirrorAreNotUpdatable() {
		StreamConfiguration current = server("""
				{"name":"MIR","retention":"limits","storage":"file","num_replicas":1,"discard":"old",
				"mirror":{"name":"SRC"}}""");
		StreamConfiguration declared = StreamConfiguration.builder()
			.name("MIR")
			.mirror(Mirror.builder().sourceName("OTHER").build())
			.maxConsumers(10)
			.build();
		assertThat(NatsStream.of(declared).compare(current)).extracting(ConfigurationDifference::field,
				ConfigurationDifference::updatable)
			.containsExactly(tuple("max_consumers", false),
					tuple("mirror", false));
	}

	@Test
	void mirrorMatchesWithoutSubjectsOrDuplicateWindow() {
		StreamConfiguration current = server("""
				{"name":"MIR","retention":"limits","storage":"file","num_replicas":1,"discard":"old",
				"mirror":{"name":"SRC"}}""");
		StreamConfiguration declared = StreamConfiguration.builder()
			.name("MIR")
			.mirror(Mirror.builder().sourceName("SRC").build())
			.build();
		assertThat(NatsStream.of(declared).compare(current)).isEmpty();
	}

	@Test
	void mergeReplacesDeclaredFieldsAndKeepsTheOthers() {
		StreamConfiguration current = StreamConfiguration.builder(server(SERVER_ORDERS))
			.maxMessages(1000)
			.description("set by an operator")
			.build();
		StreamConfiguration merged = NatsStream.builder("ORDERS")
			.maxAge(Duration.ofHours(2))
			.subjects("orders.>", "refunds.>")
			.build()
			.merge(current);
		assertThat(merged.getMaxAge()).isEqualTo(Duration.ofHours(2));
		assertThat(merged.getSubjects()).containsExactly("orders.>", "refunds.>");
		assertThat(merged.getMaxMsgs()).isEqualTo(1000);
		assertThat(merged.getDescription()).isEqualTo("set by an operator");
		assertThat(merged.getStorageType()).isEqualTo(io.nats.client.api.StorageType.File);
	}

	@Test
	void mergeLetsTheServerDeriveTheDuplicateWindowAgainWhenMaxAgeChanges() {
		StreamConfiguration current = server("""
				{"name":"B","subjects":["b.>"],"retention":"limits","max_age":30000000000,"storage":"file",
				"num_replicas":1,"discard":"old","duplicate_window":30000000000}""");
		StreamConfiguration merged = NatsStream.builder("B").maxAge(Duration.ofSeconds(10)).build().merge(current);
		assertThat(merged.getDuplicateWindow()).isZero();
	}

	@Test
	void mergeKeepsAnExplicitDuplicateWindow() {
		StreamConfiguration current = StreamConfiguration.builder(server(SERVER_ORDERS))
			.duplicateWindow(Duration.ofSeconds(45))
			.build();
		StreamConfiguration merged = NatsStream.builder("ORDERS").maxAge(Duration.ofHours(2)).build().merge(current);
		assertThat(merged.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void mergeOfCompleteConfigurationIsThatConfiguration() {
		StreamConfiguration declared = StreamConfiguration.builder().name("ORDERS").subjects("orders.>").build();
		assertThat(NatsStream.of(declared).merge(server(SERVER_ORDERS))).isSameAs(declared);
	}

	@Test
	void builderDeclaresOnlyWhatIsSet() {
		NatsStream stream = NatsStream.builder("ORDERS").subjects("orders.>").maxAge(Duration.ofHours(1)).build();
		assertThat(stream.getName()).isEqualTo("ORDERS");
		assertThat(stream.getDeclaredFields()).containsExactly("subjects", "max_age");
		assertThat(stream.getConfiguration().getSubjects()).containsExactly("orders.>");
	}

	@Test
	void invalidSubjectIsRejectedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsStream.builder("ORDERS").subjects("orders..x"))
			.withMessageContaining("Invalid subject pattern 'orders..x'");
	}

	@Test
	void invalidStreamNameIsRejectedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsStream.builder("ORD.ERS"))
			.withMessageStartingWith("Invalid stream name 'ORD.ERS'");
	}

	@Test
	void zeroLimitIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsStream.builder("ORDERS").maxMsgs(0))
			.withMessage("'maxMsgs' must be greater than zero, or -1 for unlimited");
	}

	// What nats-server 2.15 returns for a stream created by this library with metadata, compression, a
	// subject transform, a first sequence and subject delete markers
	private static final String SERVER_FEATURES = """
			{"name":"FEAT","subjects":["feat.>"],"retention":"limits","compression":"s2","max_consumers":-1,
			"max_msgs":-1,"max_bytes":-1,"max_age":0,"max_msgs_per_subject":-1,"max_msg_size":-1,"storage":"file",
			"num_replicas":1,"discard":"old","duplicate_window":120000000000,
			"subject_transform":{"src":"feat.>","dest":"stored.>"},"consumer_limits":{},"allow_rollup_hdrs":true,
			"metadata":{"team":"orders","io.github.natsjetstream.managed-by":"nats-jetstream-spring-boot-starter",
			"io.github.natsjetstream.application":"orders-service","_nats.ver":"2.15.1","_nats.level":"5",
			"_nats.req.level":"1"},"first_seq":100,"subject_delete_marker_ttl":5000000000,"allow_msg_ttl":true}""";

	@Test
	void newSettingsMatchWhatTheServerMadeOfThemIgnoringReservedMetadata() {
		NatsStream stream = NatsStream.builder("FEAT")
			.subjects("feat.>")
			.metadata(Map.of("team", "orders"))
			.compression(Compression.S2)
			.subjectTransform("feat.>", "stored.>")
			.firstSequence(100)
			.subjectDeleteMarkerTtl(Duration.ofSeconds(5))
			.allowMsgTtl(true)
			.allowAtomicPublish(false)
			.allowMsgCounter(false)
			.allowMsgSchedules(false)
			.allowDirect(false)
			.build();
		assertThat(stream.compare(server(SERVER_FEATURES))).isEmpty();
	}

	@Test
	void completeConfigurationWithNewSettingsMatchesWhatTheServerMadeOfIt() {
		StreamConfiguration declared = StreamConfiguration.builder()
			.name("FEAT")
			.subjects("feat.>")
			.metadata(Map.of("team", "orders"))
			.compressionOption(CompressionOption.S2)
			.subjectTransform(new SubjectTransform("feat.>", "stored.>"))
			.firstSequence(100)
			.subjectDeleteMarkerTtl(Duration.ofSeconds(5))
			.allowMessageTtl(true)
			.allowRollup(true)
			.build();
		assertThat(NatsStream.of(declared).compare(server(SERVER_FEATURES))).isEmpty();
	}

	@Test
	void declaredMetadataReplacesTheStreamsOwnEntriesOnly() {
		StreamConfiguration merged = NatsStream.builder("FEAT")
			.metadata(Map.of("owner", "billing"))
			.build()
			.merge(server(SERVER_FEATURES));
		assertThat(ManagedMetadata.declarable(merged.getMetadata())).containsExactly(entry("owner", "billing"));
		assertThat(NatsStream.builder("FEAT").metadata(Map.of("owner", "billing")).build()
			.compare(server(SERVER_FEATURES)))
			.containsExactly(new ConfigurationDifference("metadata", "{team=orders}", "{owner=billing}", true));
	}

	@Test
	void settingsTheServerCannotChangeOrCannotSwitchOffAreNotUpdatable() {
		StreamConfiguration current = server(SERVER_FEATURES);
		assertThat(NatsStream.builder("FEAT").firstSequence(1).allowMsgTtl(false).allowMsgCounter(true).build()
			.compare(current))
			.containsExactly(new ConfigurationDifference("first_seq", "100", "1", false),
					new ConfigurationDifference("allow_msg_ttl", "true", "false", false),
					new ConfigurationDifference("allow_msg_counter", "false", "true", false));
		assertThat(NatsStream.builder("FEAT").allowMsgSchedules(true).allowAtomicPublish(true).build()
			.compare(current)).allMatch(ConfigurationDifference::updatable).hasSize(2);
		StreamConfiguration scheduled = StreamConfiguration.builder(current).allowMessageSchedules(true).build();
		assertThat(NatsStream.builder("FEAT").allowMsgSchedules(false).build().compare(scheduled))
			.containsExactly(new ConfigurationDifference("allow_msg_schedules", "true", "false", false));
	}

	@Test
	void zeroSubjectDeleteMarkerTtlRemovesTheMarkers() {
		NatsStream stream = NatsStream.builder("FEAT").subjectDeleteMarkerTtl(Duration.ZERO).build();
		assertThat(stream.compare(server(SERVER_FEATURES)))
			.containsExactly(new ConfigurationDifference("subject_delete_marker_ttl", "5s", "none", true));
		assertThat(stream.merge(server(SERVER_FEATURES)).getSubjectDeleteMarkerTtl()).isNull();
	}

	@Test
	void requiredFeaturesAreNamedAsSettingsOfTheDeclaration() {
		assertThat(NatsStream.builder("ORDERS").compression(Compression.S2).allowMsgCounter(true).build()
			.getRequiredFeatures()).containsExactly(
					entry("'compression' of NatsStream 'ORDERS'", ServerFeature.COMPRESSION),
					entry("'allow-msg-counter' of NatsStream 'ORDERS'", ServerFeature.MESSAGE_COUNTERS));
		assertThat(NatsStream.builder("ORDERS").allowMsgCounter(true).propertyPrefix("nats.jetstream.streams.ORDERS")
			.build()
			.getRequiredFeatures()).containsExactly(
					entry("nats.jetstream.streams.ORDERS.allow-msg-counter", ServerFeature.MESSAGE_COUNTERS));
		StreamConfiguration complete = StreamConfiguration.builder()
			.name("ORDERS")
			.mirror(Mirror.builder().sourceName("SRC").subjectTransforms(new SubjectTransform("a.>", "b.>")).build())
			.allowMessageTtl(true)
			.build();
		assertThat(NatsStream.of(complete).getRequiredFeatures()).containsExactly(
				entry("'mirror' of the StreamConfiguration of stream 'ORDERS'", ServerFeature.SUBJECT_TRANSFORMS),
				entry("'allow_msg_ttl' of the StreamConfiguration of stream 'ORDERS'", ServerFeature.MESSAGE_TTL));
		assertThat(NatsStream.of(StreamConfiguration.builder().name("PLAIN").build()).getRequiredFeatures())
			.isEmpty();
	}

	@Test
	void settingsTheServerWouldTurnBackOnAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NatsStream.builder("A").allowMsgSchedules(true).denyPurge(true).build())
			.withMessage("'deny-purge' true contradicts 'allow-msg-schedules', for which the server turns on roll-ups "
					+ "(and so purging). Leave 'deny-purge' unset.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NatsStream.builder("A")
				.subjectDeleteMarkerTtl(Duration.ofSeconds(1))
				.allowMsgTtl(false)
				.build())
			.withMessage("'allow-msg-ttl' false contradicts 'subject-delete-marker-ttl', for which the server turns "
					+ "on per-message TTLs. Leave 'allow-msg-ttl' unset.");
		assertThat(NatsStream.builder("A").allowMsgSchedules(true).allowRollup(true).denyPurge(false).build())
			.isNotNull();
	}

	@Test
	void subjectDeleteMarkerTtlBelowOneSecondIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NatsStream.builder("A").subjectDeleteMarkerTtl(Duration.ofMillis(500)))
			.withMessage("'subjectDeleteMarkerTtl' must be zero or at least one second");
	}

	private static StreamConfiguration server(String json) {
		try {
			return StreamConfiguration.instance(json);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

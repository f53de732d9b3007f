package io.github.natsjetstream.provisioning;

import java.time.Duration;

import io.nats.client.api.Mirror;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
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

	private static StreamConfiguration server(String json) {
		try {
			return StreamConfiguration.instance(json);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

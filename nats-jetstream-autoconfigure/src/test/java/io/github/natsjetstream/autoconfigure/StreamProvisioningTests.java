package io.github.natsjetstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.natsjetstream.provisioning.ConfigurationDifference;
import io.github.natsjetstream.provisioning.JetStreamProvisioner;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.github.natsjetstream.provisioning.ProvisioningMode;
import io.github.natsjetstream.provisioning.ProvisioningOutcome;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.provisioning.ProvisioningResult;
import io.github.natsjetstream.provisioning.ResourceType;
import io.github.natsjetstream.provisioning.StorageType;
import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.natsjetstream.autoconfigure.ProvisioningTestSupport.provisioningFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Provisioning of streams against a real server: every test uses its own stream names.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamProvisioningTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Connection admin;

	private static JetStreamManagement management;

	private final ApplicationContextRunner contextRunner = ProvisioningTestSupport.contextRunner(nats.url());

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
	void streamDeclaredInPropertiesIsCreatedWithEveryDeclaredSetting(CapturedOutput output) {
		String prefix = "nats.jetstream.streams.CREATED.";
		this.contextRunner
			.withPropertyValues(prefix + "subjects=created.orders.>,created.refunds.>", prefix + "storage=MEMORY",
					prefix + "retention=work-queue", prefix + "replicas=1", prefix + "max-age=1h",
					prefix + "max-bytes=1MB", prefix + "max-msgs=1000", prefix + "max-msgs-per-subject=10",
					prefix + "max-msg-size=1KB", prefix + "discard=New", prefix + "duplicate-window=30s",
					prefix + "description=Created orders", prefix + "allow-rollup=true", prefix + "deny-delete=true",
					prefix + "deny-purge=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ProvisioningReport.class);
				StreamConfiguration stream = management.getStreamInfo("CREATED").getConfiguration();
				assertThat(stream.getSubjects()).containsExactly("created.orders.>", "created.refunds.>");
				assertThat(stream.getStorageType()).isEqualTo(io.nats.client.api.StorageType.Memory);
				assertThat(stream.getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
				assertThat(stream.getReplicas()).isEqualTo(1);
				assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(1));
				assertThat(stream.getMaxBytes()).isEqualTo(1024 * 1024);
				assertThat(stream.getMaxMsgs()).isEqualTo(1000);
				assertThat(stream.getMaxMsgsPerSubject()).isEqualTo(10);
				assertThat(stream.getMaximumMessageSize()).isEqualTo(1024);
				assertThat(stream.getDiscardPolicy()).isEqualTo(DiscardPolicy.New);
				assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(30));
				assertThat(stream.getDescription()).isEqualTo("Created orders");
				assertThat(stream.getAllowRollup()).isTrue();
				assertThat(stream.getDenyDelete()).isTrue();
				assertThat(stream.getDenyPurge()).isFalse();
				ProvisioningReport report = context.getBean(ProvisioningReport.class);
				assertThat(report.isComplete()).isTrue();
				assertThat(report.getMode()).isEqualTo(ProvisioningMode.CREATE_OR_UPDATE);
				assertThat(report.getResults()).containsExactly(
						new ProvisioningResult(ResourceType.STREAM, "CREATED", ProvisioningOutcome.CREATED, List.of()));
			});
		assertThat(output).contains("Stream 'CREATED' created")
			.contains("JetStream provisioning (create-or-update) complete: 1 created, 0 updated, 0 unchanged");
	}

	@Test
	void restartOfAnUnchangedApplicationSendsNoWriteRequest(CapturedOutput output) throws Exception {
		String prefix = "nats.jetstream.streams.RESTART.";
		ApplicationContextRunner runner = this.contextRunner
			.withPropertyValues(prefix + "subjects=restart.simple.>", prefix + "storage=file",
					prefix + "retention=limits",
					prefix + "max-age=30s", prefix + "max-msgs-per-subject=5", prefix + "discard=old",
					prefix + "description=Restarted", prefix + "deny-delete=false",
					"nats.jetstream.key-value.restart-cache.history=4",
					"nats.jetstream.key-value.restart-cache.ttl=10m")
			.withUserConfiguration(CompleteStreamConfiguration.class);
		runner.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			runner.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ProvisioningReport.class).getResults())
					.extracting(ProvisioningResult::outcome)
					.containsOnly(ProvisioningOutcome.UNCHANGED)
					.hasSize(3);
			});
			List<String> requests = recorder.requests();
			assertThat(recorder.writes()).isEmpty();
			assertThat(requests).containsExactlyInAnyOrder("$JS.API.STREAM.INFO.RESTART",
					"$JS.API.STREAM.INFO.RESTART_COMPLETE", "$JS.API.STREAM.INFO.KV_restart-cache");
			assertThat(recorder.apiRequestsHandled()).isEqualTo(requests.size());
		}
		assertThat(output).contains("Stream 'RESTART' unchanged")
			.contains("Stream 'RESTART_COMPLETE' unchanged")
			.contains("Key-value bucket 'restart-cache' unchanged");
	}

	@Test
	void updatableChangesAreAppliedAndLoggedOneLinePerField(CapturedOutput output) throws Exception {
		String prefix = "nats.jetstream.streams.UPDATED.";
		this.contextRunner
			.withPropertyValues(prefix + "subjects=updated.orders.>", prefix + "max-age=1h",
					prefix + "description=Orders")
			.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues(prefix + "subjects=updated.orders.>,updated.refunds.>", prefix + "max-age=2h",
						prefix + "description=All orders")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					ProvisioningResult result = context.getBean(ProvisioningReport.class)
						.getResult(ResourceType.STREAM, "UPDATED");
					assertThat(result).isNotNull();
					assertThat(result.outcome()).isEqualTo(ProvisioningOutcome.UPDATED);
					assertThat(result.differences()).containsExactly(
							new ConfigurationDifference("description", "'Orders'", "'All orders'", true),
							new ConfigurationDifference("subjects", "[updated.orders.>]",
									"[updated.orders.>, updated.refunds.>]", true),
							new ConfigurationDifference("max_age", "1h", "2h", true));
				});
			assertThat(recorder.writes()).containsExactly("$JS.API.STREAM.UPDATE.UPDATED");
		}
		StreamConfiguration stream = management.getStreamInfo("UPDATED").getConfiguration();
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(2));
		assertThat(stream.getSubjects()).containsExactly("updated.orders.>", "updated.refunds.>");
		assertThat(stream.getDescription()).isEqualTo("All orders");
		assertThat(output).contains("Stream 'UPDATED' updated: description: 'Orders' -> 'All orders'")
			.contains("Stream 'UPDATED' updated: subjects: [updated.orders.>] -> [updated.orders.>, updated.refunds.>]")
			.contains("Stream 'UPDATED' updated: max_age: 1h -> 2h");
	}

	@Test
	void changeOfStorageFailsStartupNamingTheFieldAndKeepsTheMessages() throws Exception {
		String prefix = "nats.jetstream.streams.IMMUTABLE.";
		this.contextRunner.withPropertyValues(prefix + "subjects=immutable.>", prefix + "storage=file")
			.run((context) -> assertThat(context).hasNotFailed());
		publish("immutable.a", "immutable.b", "immutable.c");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues(prefix + "subjects=immutable.>", prefix + "storage=memory", prefix + "max-age=1h")
				.run((context) -> {
					ProvisioningException failure = provisioningFailure(context);
					assertThat(failure.getMessage()).startsWith("Stream 'IMMUTABLE' cannot be updated in place: "
							+ "JetStream cannot change these fields of an existing stream: storage: file -> memory "
							+ "(server -> declared). Other differences, which could be changed in place: max_age: "
							+ "unlimited -> 1h. Nothing was changed. Ways out: ")
						.contains("nats stream rm IMMUTABLE")
						.contains("Provisioning never deletes or recreates a stream.");
				});
			assertThat(recorder.writes()).isEmpty();
		}
		StreamInfo info = management.getStreamInfo("IMMUTABLE");
		assertThat(info.getConfiguration().getStorageType()).isEqualTo(io.nats.client.api.StorageType.File);
		assertThat(info.getConfiguration().getMaxAge()).isZero();
		assertThat(info.getStreamState().getMsgCount()).isEqualTo(3);
	}

	@Test
	void changeTheServerRefusesFailsStartupWithTheServersReason() throws Exception {
		// Every server refuses a duplicate window longer than the maximum age
		String prefix = "nats.jetstream.streams.REFUSED.";
		this.contextRunner.withPropertyValues(prefix + "subjects=refused.>", prefix + "max-age=1m",
				prefix + "duplicate-window=30s")
			.run((context) -> assertThat(context).hasNotFailed());
		publish("refused.a");
		this.contextRunner.withPropertyValues(prefix + "subjects=refused.>", prefix + "max-age=1m",
				prefix + "duplicate-window=2m")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.startsWith("Stream 'REFUSED' could not be updated: the server refused (duplicates window can not be "
						+ "larger then max age [10052]). Changes (server -> declared): duplicate_window: 30s -> 2m. "
						+ "Nothing was changed. Ways out: "));
		StreamInfo info = management.getStreamInfo("REFUSED");
		assertThat(info.getConfiguration().getDuplicateWindow()).isEqualTo(Duration.ofSeconds(30));
		assertThat(info.getStreamState().getMsgCount()).isOne();
	}

	@Test
	@EnabledOnNatsServer(below = "2.10", reason = "servers from 2.10 change retention between limits and interest")
	void changeOfRetentionFailsStartupWithTheServersReasonBefore210() throws Exception {
		String prefix = "nats.jetstream.streams.RETENTION_OLD.";
		this.contextRunner.withPropertyValues(prefix + "subjects=retention.old.>", prefix + "retention=limits")
			.run((context) -> assertThat(context).hasNotFailed());
		publish("retention.old.a");
		this.contextRunner.withPropertyValues(prefix + "subjects=retention.old.>", prefix + "retention=interest")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.startsWith("Stream 'RETENTION_OLD' could not be updated: the server refused (stream configuration "
						+ "update can not change retention policy [10052]). Changes (server -> declared): retention: "
						+ "limits -> interest. Nothing was changed. Ways out: "));
		StreamInfo info = management.getStreamInfo("RETENTION_OLD");
		assertThat(info.getConfiguration().getRetentionPolicy()).isEqualTo(RetentionPolicy.Limits);
		assertThat(info.getStreamState().getMsgCount()).isOne();
	}

	@Test
	@EnabledOnNatsServer(atLeast = "2.10")
	void changeOfRetentionBetweenLimitsAndInterestIsAppliedFrom210(CapturedOutput output) throws Exception {
		String prefix = "nats.jetstream.streams.RETENTION_NEW.";
		this.contextRunner.withPropertyValues(prefix + "subjects=retention.new.>", prefix + "retention=limits")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues(prefix + "subjects=retention.new.>", prefix + "retention=interest")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ProvisioningReport.class).getResult(ResourceType.STREAM, "RETENTION_NEW"))
					.isEqualTo(new ProvisioningResult(ResourceType.STREAM, "RETENTION_NEW",
							ProvisioningOutcome.UPDATED,
							List.of(new ConfigurationDifference("retention", "limits", "interest", true))));
			});
		assertThat(management.getStreamInfo("RETENTION_NEW").getConfiguration().getRetentionPolicy())
			.isEqualTo(RetentionPolicy.Interest);
		assertThat(output).contains("Stream 'RETENTION_NEW' updated: retention: limits -> interest");
	}

	@Test
	void validateModeFailsOnAMissingStreamAndCreatesNothing() throws Exception {
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues("nats.jetstream.provisioning.mode=validate",
						"nats.jetstream.streams.VALIDATE_MISSING.subjects=validate.missing.>")
				.run((context) -> assertThat(provisioningFailure(context).getMessage())
					.startsWith("Stream 'VALIDATE_MISSING' does not exist. Provisioning mode 'validate' creates "
							+ "nothing"));
			assertThat(recorder.writes()).isEmpty();
			assertThat(recorder.requests()).containsExactly("$JS.API.STREAM.INFO.VALIDATE_MISSING");
		}
		assertThat(management.getStreamNames()).doesNotContain("VALIDATE_MISSING");
	}

	@Test
	void validateModeFailsOnDriftAndUpdatesNothing() throws Exception {
		String prefix = "nats.jetstream.streams.VALIDATE_DRIFT.";
		this.contextRunner.withPropertyValues(prefix + "subjects=validate.drift.>", prefix + "max-age=1h")
			.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues("nats.jetstream.provisioning.mode=validate",
						prefix + "subjects=validate.drift.>", prefix + "max-age=2h", prefix + "storage=memory")
				.run((context) -> assertThat(provisioningFailure(context).getMessage())
					.startsWith("Stream 'VALIDATE_DRIFT' differs from its declaration (server -> declared): "
							+ "max_age: 1h -> 2h, storage: file -> memory. Provisioning mode 'validate' changes "
							+ "nothing"));
			assertThat(recorder.writes()).isEmpty();
		}
		assertThat(management.getStreamInfo("VALIDATE_DRIFT").getConfiguration().getMaxAge())
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void validateModeStartsWhenEveryStreamMatches(CapturedOutput output) throws Exception {
		String prefix = "nats.jetstream.streams.VALIDATE_OK.";
		this.contextRunner.withPropertyValues(prefix + "subjects=validate.ok.>", prefix + "max-age=1h")
			.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues("nats.jetstream.provisioning.mode=validate", prefix + "subjects=validate.ok.>",
						prefix + "max-age=1h")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(ProvisioningReport.class).getResults()).containsExactly(
							new ProvisioningResult(ResourceType.STREAM, "VALIDATE_OK", ProvisioningOutcome.UNCHANGED,
									List.of()));
				});
			assertThat(recorder.writes()).isEmpty();
		}
		assertThat(output).contains("Stream 'VALIDATE_OK' matches its declaration");
	}

	@Test
	void noneModeSendsNoRequestAtAll() throws Exception {
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues("nats.jetstream.provisioning.mode=none",
						"nats.jetstream.streams.NONE_MODE.subjects=none.mode.>")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					ProvisioningReport report = context.getBean(ProvisioningReport.class);
					assertThat(report.getResults()).isEmpty();
					assertThat(report.isComplete()).isTrue();
				});
			assertThat(recorder.requests()).isEmpty();
			assertThat(recorder.apiRequestsHandled()).isZero();
		}
	}

	@Test
	void overlappingSubjectsAreRefusedNamingBothStreams() throws Exception {
		management.addStream(StreamConfiguration.builder()
			.name("OVERLAP_EXISTING")
			.subjects("overlap.>")
			.storageType(io.nats.client.api.StorageType.Memory)
			.build());
		this.contextRunner.withPropertyValues("nats.jetstream.streams.OVERLAP_NEW.subjects=overlap.orders.*")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.isEqualTo("Stream 'OVERLAP_NEW' cannot be created: its subjects [overlap.orders.*] overlap with "
						+ "those of stream 'OVERLAP_EXISTING' [overlap.>] (subjects overlap with an existing stream "
						+ "[10065]). A subject can be stored by only one stream: change the subjects of one of them."));
		assertThat(management.getStreamNames()).doesNotContain("OVERLAP_NEW");
	}

	@Test
	void invalidSubjectFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.jetstream.streams.BAD_SUBJECT.subjects=orders..x")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.isEqualTo("Invalid value 'orders..x' of property 'nats.jetstream.streams.BAD_SUBJECT.subjects': "
						+ "Invalid subject pattern 'orders..x': token 2 is empty (leading, trailing or doubled '.')"));
	}

	@Test
	void streamsDeclaredAsBeansAreProvisioned() throws Exception {
		this.contextRunner.withUserConfiguration(StreamBeansConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ProvisioningReport.class).getResults())
				.extracting(ProvisioningResult::name, ProvisioningResult::outcome)
				.containsExactly(tuple("BEAN_DECLARED", ProvisioningOutcome.CREATED),
						tuple("BEAN_JNATS", ProvisioningOutcome.CREATED));
		});
		assertThat(management.getStreamInfo("BEAN_DECLARED").getConfiguration().getStorageType())
			.isEqualTo(io.nats.client.api.StorageType.Memory);
		assertThat(management.getStreamInfo("BEAN_JNATS").getConfiguration().getMaxMsgsPerSubject()).isEqualTo(3);
	}

	@Test
	void streamDeclaredTwiceFailsStartup() {
		this.contextRunner.withUserConfiguration(StreamBeansConfiguration.class)
			.withPropertyValues("nats.jetstream.streams.BEAN_DECLARED.subjects=bean.declared.>")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.isEqualTo("Stream 'BEAN_DECLARED' is declared more than once (in configuration properties and/or "
						+ "as beans). Declare each stream once."));
	}

	@Test
	void provisioningIsDoneBeforeLifecycleBeansStart() {
		this.contextRunner.withUserConfiguration(LifecycleConfiguration.class)
			.withPropertyValues("nats.jetstream.streams.BEFORE_LIFECYCLE.subjects=before.lifecycle.>")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(StreamCheckingLifecycle.class).streamExistedAtStart).isTrue();
			});
	}

	@Test
	void provisionerRunsOnlyOnce() throws Exception {
		this.contextRunner.withPropertyValues("nats.jetstream.streams.ONCE.subjects=once.>").run((context) -> {
			try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
				context.getBean(JetStreamProvisioner.class).provision();
				assertThat(recorder.requests()).isEmpty();
			}
		});
	}

	private static void publish(String... subjects) throws Exception {
		JetStream jetStream = admin.jetStream();
		for (String subject : subjects) {
			jetStream.publish(subject, subject.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CompleteStreamConfiguration {

		@Bean
		StreamConfiguration restartCompleteStream() {
			return StreamConfiguration.builder()
				.name("RESTART_COMPLETE")
				.subjects("restart.complete.>")
				.maxAge(Duration.ofMinutes(1))
				.maxMessagesPerSubject(2)
				.description("Declared completely")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StreamBeansConfiguration {

		@Bean
		NatsStream beanDeclaredStream() {
			return NatsStream.builder("BEAN_DECLARED")
				.subjects("bean.declared.>")
				.storage(StorageType.MEMORY)
				.build();
		}

		@Bean
		StreamConfiguration beanJnatsStream() {
			return StreamConfiguration.builder()
				.name("BEAN_JNATS")
				.subjects("bean.jnats.>")
				.maxMessagesPerSubject(3)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LifecycleConfiguration {

		@Bean
		StreamCheckingLifecycle streamCheckingLifecycle(JetStreamManagement management) {
			return new StreamCheckingLifecycle(management);
		}

	}

	static class StreamCheckingLifecycle implements SmartLifecycle {

		private final JetStreamManagement management;

		private final AtomicBoolean running = new AtomicBoolean();

		volatile boolean streamExistedAtStart;

		StreamCheckingLifecycle(JetStreamManagement management) {
			this.management = management;
		}

		@Override
		public void start() {
			try {
				this.streamExistedAtStart = this.management.getStreamInfo("BEFORE_LIFECYCLE") != null;
			}
			catch (Exception ex) {
				this.streamExistedAtStart = false;
			}
			this.running.set(true);
		}

		@Override
		public void stop() {
			this.running.set(false);
		}

		@Override
		public boolean isRunning() {
			return this.running.get();
		}

	}

}

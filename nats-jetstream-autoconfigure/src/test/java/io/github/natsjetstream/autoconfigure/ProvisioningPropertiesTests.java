package io.github.natsjetstream.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.natsjetstream.provisioning.DiscardPolicy;
import io.github.natsjetstream.provisioning.ProvisioningMode;
import io.github.natsjetstream.provisioning.RetentionPolicy;
import io.github.natsjetstream.provisioning.StorageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Binding of the provisioning properties.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProvisioningPropertiesTests {

	@ParameterizedTest
	@ValueSource(strings = { "work-queue", "work_queue", "WORK_QUEUE", "workQueue", "WorkQueue", "workqueue" })
	void retentionAcceptsRelaxedSpellings(String value) {
		assertThat(bind(Map.of("nats.jetstream.streams.ORDERS.retention", value)).getJetstream()
			.getStreams()
			.get("ORDERS")
			.getRetention()).isEqualTo(RetentionPolicy.WORK_QUEUE);
	}

	@Test
	void everyStreamPropertyBinds() {
		String prefix = "nats.jetstream.streams.ORDERS.";
		NatsProperties.Stream stream = bind(Map.ofEntries(Map.entry(prefix + "subjects", "orders.>,refunds.>"),
				Map.entry(prefix + "storage", "Memory"), Map.entry(prefix + "retention", "interest"),
				Map.entry(prefix + "replicas", "3"), Map.entry(prefix + "max-age", "7d"),
				Map.entry(prefix + "max-bytes", "1GB"), Map.entry(prefix + "max-msgs", "100000"),
				Map.entry(prefix + "max-msgs-per-subject", "10"), Map.entry(prefix + "max-msg-size", "64KB"),
				Map.entry(prefix + "discard", "NEW"), Map.entry(prefix + "duplicate-window", "2m"),
				Map.entry(prefix + "description", "Orders"), Map.entry(prefix + "allow-rollup", "true"),
				Map.entry(prefix + "deny-delete", "true"), Map.entry(prefix + "deny-purge", "false")))
			.getJetstream()
			.getStreams()
			.get("ORDERS");
		assertThat(stream.getSubjects()).containsExactly("orders.>", "refunds.>");
		assertThat(stream.getStorage()).isEqualTo(StorageType.MEMORY);
		assertThat(stream.getRetention()).isEqualTo(RetentionPolicy.INTEREST);
		assertThat(stream.getReplicas()).isEqualTo(3);
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofDays(7));
		assertThat(stream.getMaxBytes()).isEqualTo(DataSize.ofGigabytes(1));
		assertThat(stream.getMaxMsgs()).isEqualTo(100000);
		assertThat(stream.getMaxMsgsPerSubject()).isEqualTo(10);
		assertThat(stream.getMaxMsgSize()).isEqualTo(DataSize.ofKilobytes(64));
		assertThat(stream.getDiscard()).isEqualTo(DiscardPolicy.NEW);
		assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofMinutes(2));
		assertThat(stream.getDescription()).isEqualTo("Orders");
		assertThat(stream.getAllowRollup()).isTrue();
		assertThat(stream.getDenyDelete()).isTrue();
		assertThat(stream.getDenyPurge()).isFalse();
	}

	@Test
	void everyKeyValuePropertyBinds() {
		String prefix = "nats.jetstream.key-value.orders-cache.";
		NatsProperties.KeyValue keyValue = bind(Map.of(prefix + "history", "5", prefix + "ttl", "1h",
				prefix + "max-bytes", "10MB", prefix + "storage", "file", prefix + "replicas", "1",
				prefix + "description", "Orders by id"))
			.getJetstream()
			.getKeyValue()
			.get("orders-cache");
		assertThat(keyValue.getHistory()).isEqualTo(5);
		assertThat(keyValue.getTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(keyValue.getMaxBytes()).isEqualTo(DataSize.ofMegabytes(10));
		assertThat(keyValue.getStorage()).isEqualTo(StorageType.FILE);
		assertThat(keyValue.getReplicas()).isEqualTo(1);
		assertThat(keyValue.getDescription()).isEqualTo("Orders by id");
	}

	@Test
	void provisioningModeAcceptsRelaxedSpellingsAndDefaultsToCreateOrUpdate() {
		assertThat(bind(Map.of()).getJetstream().getProvisioning().getMode())
			.isEqualTo(ProvisioningMode.CREATE_OR_UPDATE);
		assertThat(bind(Map.of("nats.jetstream.provisioning.mode", "validate")).getJetstream()
			.getProvisioning()
			.getMode()).isEqualTo(ProvisioningMode.VALIDATE);
		assertThat(bind(Map.of("nats.jetstream.provisioning.mode", "create-or-update")).getJetstream()
			.getProvisioning()
			.getMode()).isEqualTo(ProvisioningMode.CREATE_OR_UPDATE);
	}

	@Test
	void unknownEnumValueFailsStartupNamingThePropertyAndTheAllowedValues(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ProvisioningApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(Map.of("nats.jetstream.streams.ORDERS.retention", "forever",
				"nats.servers", "nats://127.0.0.1:1", "spring.main.banner-mode", "off"));
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("Failed to bind properties under 'nats.jetstream.streams.orders.retention'")
			.contains("Value: \"forever\"")
			.containsPattern("The following values are valid:\\s+INTEREST\\s+LIMITS\\s+WORK_QUEUE");
	}

	private static NatsProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("nats", Bindable.of(NatsProperties.class));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class })
	static class ProvisioningApplication {

	}

}

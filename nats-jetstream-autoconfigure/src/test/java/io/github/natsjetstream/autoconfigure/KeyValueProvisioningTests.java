package io.github.natsjetstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.natsjetstream.provisioning.ConfigurationDifference;
import io.github.natsjetstream.provisioning.NatsKeyValue;
import io.github.natsjetstream.provisioning.ProvisioningOutcome;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.provisioning.ProvisioningResult;
import io.github.natsjetstream.provisioning.ResourceType;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.natsjetstream.autoconfigure.ProvisioningTestSupport.provisioningFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning and injection of key-value buckets against a real server: every test uses
 * its own bucket names.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyValueProvisioningTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Connection admin;

	private static KeyValueManagement management;

	private final ApplicationContextRunner contextRunner = ProvisioningTestSupport.contextRunner(nats.url());

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
	void bucketDeclaredInPropertiesIsCreatedAndInjectableByName() throws Exception {
		String prefix = "nats.jetstream.key-value.orders-cache.";
		this.contextRunner
			.withPropertyValues(prefix + "history=3", prefix + "ttl=1h", prefix + "max-bytes=10MB",
					prefix + "storage=memory", prefix + "replicas=1", prefix + "description=Orders by id")
			.withUserConfiguration(OrdersCacheUserConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(KeyValue.class);
				KeyValue injected = context.getBean(OrdersCacheUser.class).keyValue;
				assertThat(context.getBean("orders-cache")).isSameAs(injected);
				injected.put("order-1", "created".getBytes(StandardCharsets.UTF_8));
				injected.put("order-1", "paid".getBytes(StandardCharsets.UTF_8));
				assertThat(new String(injected.get("order-1").getValue(), StandardCharsets.UTF_8)).isEqualTo("paid");
				assertThat(injected.getBucketName()).isEqualTo("orders-cache");
				assertThat(context.getBean(ProvisioningReport.class).getResults()).containsExactly(
						new ProvisioningResult(ResourceType.KEY_VALUE, "orders-cache", ProvisioningOutcome.CREATED,
								List.of()));
			});
		KeyValueConfiguration bucket = management.getStatus("orders-cache").getConfiguration();
		assertThat(bucket.getMaxHistoryPerKey()).isEqualTo(3);
		assertThat(bucket.getTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(bucket.getMaxBucketSize()).isEqualTo(10 * 1024 * 1024);
		assertThat(bucket.getStorageType()).isEqualTo(StorageType.Memory);
		assertThat(bucket.getDescription()).isEqualTo("Orders by id");
		assertThat(management.getStatus("orders-cache").getEntryCount()).isEqualTo(2);
	}

	@Test
	void changedHistoryIsAppliedAndLoggedAndValuesAreKept(CapturedOutput output) throws Exception {
		String prefix = "nats.jetstream.key-value.prices.";
		this.contextRunner.withPropertyValues(prefix + "history=1", prefix + "ttl=30s")
			.run((context) -> context.getBean("prices", KeyValue.class)
				.put("apple", "1.00".getBytes(StandardCharsets.UTF_8)));
		this.contextRunner.withPropertyValues(prefix + "history=5", prefix + "ttl=30s").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ProvisioningReport.class).getResult(ResourceType.KEY_VALUE, "prices"))
				.isEqualTo(new ProvisioningResult(ResourceType.KEY_VALUE, "prices", ProvisioningOutcome.UPDATED,
						List.of(new ConfigurationDifference("history", "1", "5", true))));
			KeyValue prices = context.getBean("prices", KeyValue.class);
			assertThat(new String(prices.get("apple").getValue(), StandardCharsets.UTF_8)).isEqualTo("1.00");
			prices.put("apple", "1.10".getBytes(StandardCharsets.UTF_8));
			assertThat(prices.history("apple")).hasSize(2);
		});
		KeyValueConfiguration bucket = management.getStatus("prices").getConfiguration();
		assertThat(bucket.getMaxHistoryPerKey()).isEqualTo(5);
		assertThat(bucket.getTtl()).isEqualTo(Duration.ofSeconds(30));
		assertThat(output).contains("Key-value bucket 'prices' updated: history: 1 -> 5");
	}

	@Test
	void changeOfStorageFailsStartupAndKeepsTheValues() throws Exception {
		String prefix = "nats.jetstream.key-value.sessions.";
		this.contextRunner.withPropertyValues(prefix + "storage=file")
			.run((context) -> context.getBean("sessions", KeyValue.class)
				.put("s1", "alice".getBytes(StandardCharsets.UTF_8)));
		this.contextRunner.withPropertyValues(prefix + "storage=memory")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.startsWith("Key-value bucket 'sessions' cannot be updated in place: JetStream cannot change these "
						+ "fields of an existing bucket: storage: file -> memory (server -> declared). Nothing was "
						+ "changed. Ways out: ")
				.contains("nats stream rm KV_sessions"));
		assertThat(management.getStatus("sessions").getEntryCount()).isOne();
	}

	@Test
	void bucketUsedWhileSingletonsAreCreatedIsProvisionedFirst() {
		this.contextRunner.withPropertyValues("nats.jetstream.key-value.early.history=2")
			.withUserConfiguration(EarlyUserConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(EarlyUser.class).revision).isPositive();
				assertThat(context.getBean(ProvisioningReport.class).getResults()).hasSize(1);
			});
	}

	@Test
	void bucketDeclaredAsBeanIsProvisioned() throws Exception {
		this.contextRunner.withUserConfiguration(BucketBeanConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(management.getStatus("bean-bucket").getConfiguration().getMaxHistoryPerKey()).isEqualTo(7);
	}

	@Test
	void beanNamedLikeABucketIsKept() {
		this.contextRunner.withPropertyValues("nats.jetstream.key-value.taken.history=1")
			.withBean("taken", String.class, () -> "the application's own bean")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(KeyValue.class);
				assertThat(context.getBean("taken")).isEqualTo("the application's own bean");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersCacheUserConfiguration {

		@Bean
		OrdersCacheUser ordersCacheUser(@Qualifier("orders-cache") KeyValue keyValue) {
			return new OrdersCacheUser(keyValue);
		}

	}

	static class OrdersCacheUser {

		final KeyValue keyValue;

		OrdersCacheUser(KeyValue keyValue) {
			this.keyValue = keyValue;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EarlyUserConfiguration {

		@Bean
		EarlyUser earlyUser(@Qualifier("early") KeyValue keyValue) throws Exception {
			return new EarlyUser(keyValue.put("started", "yes".getBytes(StandardCharsets.UTF_8)));
		}

	}

	static class EarlyUser {

		final long revision;

		EarlyUser(long revision) {
			this.revision = revision;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BucketBeanConfiguration {

		@Bean
		NatsKeyValue beanBucket() {
			return NatsKeyValue.builder("bean-bucket").history(7).build();
		}

	}

}

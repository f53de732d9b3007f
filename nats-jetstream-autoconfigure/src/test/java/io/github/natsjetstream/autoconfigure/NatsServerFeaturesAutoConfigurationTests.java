package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.support.NatsServerFeatures;
import io.github.natsjetstream.support.ServerFeature;
import io.github.natsjetstream.support.UnsupportedServerFeatureException;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The {@link NatsServerFeatures} bean against a real server, on every server version.
 */
class NatsServerFeaturesAutoConfigurationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Connection admin;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class))
		.withPropertyValues("nats.servers=" + nats.url());

	@BeforeAll
	static void connectAdmin() throws Exception {
		admin = Nats.connect(nats.url());
	}

	@AfterAll
	static void closeAdmin() throws InterruptedException {
		admin.close();
	}

	@Test
	void featuresOfTheConnectedServerAreABean() {
		String version = admin.getServerInfo().getVersion();
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(NatsServerFeatures.class);
			NatsServerFeatures features = context.getBean(NatsServerFeatures.class);
			assertThat(features.getServerVersion()).isEqualTo(version);
			for (ServerFeature feature : ServerFeature.values()) {
				assertThat(features.supports(feature)).as(feature.name()).isEqualTo(feature.isSupportedBy(version));
			}
		});
	}

	@Test
	void userDefinedFeaturesBackOff() {
		this.contextRunner.withUserConfiguration(UserFeaturesConfiguration.class)
			.run((context) -> assertThat(context.getBeanNamesForType(NatsServerFeatures.class))
				.containsExactly("userFeatures"));
	}

	@Test
	void apiLevelIsReadOnceFromServersThatReportIt() throws Exception {
		ServerVersions.assumeSupported(admin, ServerFeature.API_LEVEL);
		int level = admin.jetStreamManagement().getAccountStatistics().getApi().getLevel();
		assertThat(level).isGreaterThanOrEqualTo(1);
		this.contextRunner.run((context) -> {
			NatsServerFeatures features = context.getBean(NatsServerFeatures.class);
			try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
				assertThat(features.getApiLevel()).isEqualTo(level);
				assertThat(features.getApiLevel()).isEqualTo(level);
				assertThat(recorder.requests()).containsExactly("$JS.API.INFO");
			}
		});
	}

	@Test
	void apiLevelOfServersBefore211IsZeroWithoutAsking() throws Exception {
		ServerVersions.assumeLacking(admin, ServerFeature.API_LEVEL);
		this.contextRunner.run((context) -> {
			try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
				assertThat(context.getBean(NatsServerFeatures.class).getApiLevel()).isZero();
				assertThat(recorder.requests()).isEmpty();
			}
		});
	}

	@Test
	void requiringAFeatureTheServerHasPasses() {
		ServerVersions.assumeSupported(admin, ServerFeature.MESSAGE_SCHEDULES);
		this.contextRunner.run((context) -> assertThatNoException().isThrownBy(() -> context
			.getBean(NatsServerFeatures.class)
			.require(ServerFeature.MESSAGE_SCHEDULES, "nats.jetstream.streams.ORDERS.allow-msg-schedules")));
	}

	@Test
	void requiringAFeatureTheServerLacksNamesTheSettingAndBothVersions() {
		ServerVersions.assumeLacking(admin, ServerFeature.COMPRESSION);
		String version = admin.getServerInfo().getVersion();
		this.contextRunner.run((context) -> assertThatExceptionOfType(UnsupportedServerFeatureException.class)
			.isThrownBy(() -> context.getBean(NatsServerFeatures.class)
				.require(ServerFeature.COMPRESSION, "nats.jetstream.streams.ORDERS.compression"))
			.withMessage("nats.jetstream.streams.ORDERS.compression needs nats-server 2.10 or later (compression); "
					+ "the connected server runs " + version + ". Upgrade the server, or remove the setting."));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFeaturesConfiguration {

		@Bean
		NatsServerFeatures userFeatures(Connection connection, JetStreamManagement management) {
			return new NatsServerFeatures(connection, management);
		}

	}

}

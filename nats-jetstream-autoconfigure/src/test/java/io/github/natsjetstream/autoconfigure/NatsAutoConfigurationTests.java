package io.github.natsjetstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsjetstream.test.NatsOperatorFixture;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NatsAutoConfigurationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("nats.servers=" + nats.url());

	@Test
	void runShouldConnectAndCreateJetStreamBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Options.class)
				.hasSingleBean(Connection.class)
				.hasSingleBean(JetStream.class)
				.hasSingleBean(JetStreamManagement.class)
				.hasSingleBean(JetStreamOptions.class)
				.hasSingleBean(NatsConnectionDetails.class);
			assertThat(context.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			management.addStream(StreamConfiguration.builder()
				.name("AUTOCONF_SMOKE")
				.subjects("autoconf.smoke")
				.storageType(StorageType.Memory)
				.build());
			JetStream jetStream = context.getBean(JetStream.class);
			assertThat(jetStream.publish("autoconf.smoke", "hello".getBytes(StandardCharsets.UTF_8)).getSeqno())
				.isEqualTo(1);
		});
	}

	@Test
	void everyConnectionPropertyShouldReachTheOptions() {
		this.contextRunner
			.withPropertyValues("nats.servers=" + nats.url() + ",nats://127.0.0.1:1", "nats.connection-name=orders-app",
					"nats.connection-timeout=3s", "nats.reconnect-wait=750ms", "nats.max-reconnects=7",
					"nats.ping-interval=45s", "nats.inbox-prefix=_ORDERS_INBOX")
			.run((context) -> {
				Options options = context.getBean(Options.class);
				assertThat(options.getUnprocessedServers()).containsExactly(nats.url(), "nats://127.0.0.1:1");
				assertThat(options.getConnectionName()).isEqualTo("orders-app");
				assertThat(options.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.getReconnectWait()).isEqualTo(Duration.ofMillis(750));
				assertThat(options.getMaxReconnect()).isEqualTo(7);
				assertThat(options.getPingInterval()).isEqualTo(Duration.ofSeconds(45));
				assertThat(options.getInboxPrefix()).isEqualTo("_ORDERS_INBOX.");
			});
	}

	@Test
	void userAndPasswordShouldReachTheOptions() {
		this.contextRunner.withPropertyValues("nats.username=alice", "nats.password=s3cret")
			.with(this::userConnection)
			.run((context) -> {
				Options options = context.getBean(Options.class);
				assertThat(options.getUsername()).isEqualTo("alice");
				assertThat(options.getPassword()).isEqualTo("s3cret");
			});
	}

	@Test
	void tokenShouldReachTheOptions() {
		this.contextRunner.withPropertyValues("nats.token=t0ken")
			.with(this::userConnection)
			.run((context) -> assertThat(context.getBean(Options.class).getToken()).isEqualTo("t0ken"));
	}

	@Test
	void credentialsInServerUrlShouldBeUsedButNotKeptInTheUrl() {
		this.contextRunner.withPropertyValues("nats.servers=nats://alice:s3cret@127.0.0.1:4222")
			.with(this::userConnection)
			.run((context) -> {
				Options options = context.getBean(Options.class);
				assertThat(options.getUnprocessedServers()).containsExactly("nats://127.0.0.1:4222");
				assertThat(options.getUsername()).isEqualTo("alice");
				assertThat(options.getPassword()).isEqualTo("s3cret");
			});
	}

	@Test
	void nkeyShouldReachTheOptionsAsAnAuthHandler() {
		String seed = "SUAMLK2ZNL35WSMW37E7UD4VZ7ELPKW7DHC3BWBSD2GCZ7IUQQXZIORRBU";
		this.contextRunner.withPropertyValues("nats.nkey=" + seed)
			.with(this::userConnection)
			.run((context) -> {
				Options options = context.getBean(Options.class);
				assertThat(options.getAuthHandler()).isNotNull();
				assertThat(new String(options.getAuthHandler().getID()))
					.isEqualTo(new String(io.nats.client.NKey.fromSeed(seed.toCharArray()).getPublicKey()));
			});
	}

	@Test
	void credentialsFileShouldReachTheOptionsAsAnAuthHandler(@TempDir Path dir) {
		Path credentials = NatsOperatorFixture.create().writeCredentials(dir.resolve("user.creds"));
		this.contextRunner.withPropertyValues("nats.credentials=" + credentials)
			.with(this::userConnection)
			.run((context) -> assertThat(context.getBean(Options.class).getAuthHandler()).isNotNull());
	}

	@Test
	void nkeyAndCredentialsTogetherShouldFailNamingBoth() {
		this.contextRunner.withPropertyValues("nats.nkey=SUAMLK2ZNL35WSMW37E7UD4VZ7ELPKW7DHC3BWBSD2GCZ7IUQQXZIORRBU",
				"nats.credentials=/etc/app/user.creds")
			.with(this::userConnection)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("nats.nkey")
				.hasMessageContaining("nats.credentials"));
	}

	@Test
	void connectionNameShouldDefaultToTheApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=billing")
			.run((context) -> assertThat(context.getBean(Options.class).getConnectionName()).isEqualTo("billing"));
	}

	@Test
	void jetStreamPropertiesShouldReachTheJetStreamOptions() {
		this.contextRunner.withPropertyValues("nats.jetstream.domain=hub", "nats.jetstream.request-timeout=7s")
			.run((context) -> {
				JetStreamOptions options = context.getBean(JetStreamOptions.class);
				assertThat(options.getPrefix()).isEqualTo("$JS.hub.API.");
				assertThat(options.getRequestTimeout()).isEqualTo(Duration.ofSeconds(7));
			});
	}

	@Test
	void jetStreamPrefixShouldReachTheJetStreamOptions() {
		this.contextRunner.withPropertyValues("nats.jetstream.prefix=ORDERS.API")
			.run((context) -> assertThat(context.getBean(JetStreamOptions.class).getPrefix()).isEqualTo("ORDERS.API."));
	}

	@Test
	void customizersShouldApplyInOrderAfterTheProperties() {
		this.contextRunner.withPropertyValues("nats.connection-name=from-properties")
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(Options.class).getConnectionName()).isEqualTo("second");
				assertThat(context.getBean(CustomizersConfiguration.class).calls).containsExactly("first", "second");
			});
	}

	@Test
	void userDefinedOptionsShouldMakeOursBackOff() {
		this.contextRunner.withBean(Options.class, () -> new Options.Builder().server(nats.url())
			.connectionName("user-options")
			.build()).run((context) -> {
				assertThat(context).hasSingleBean(Options.class);
				assertThat(context.getBean(Connection.class).getOptions().getConnectionName()).isEqualTo("user-options");
			});
	}

	@Test
	void userDefinedConnectionShouldMakeOursBackOff() throws Exception {
		try (Connection userConnection = Nats.connect(nats.url())) {
			this.contextRunner.withBean("userConnection", Connection.class, () -> userConnection).run((context) -> {
				assertThat(context).hasSingleBean(Connection.class);
				assertThat(context.getBean(Connection.class)).isSameAs(userConnection);
				assertThat(context).doesNotHaveBean("natsConnection");
				assertThat(userConnection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
		}
	}

	@Test
	void connectionShouldBeDrainedAndClosedWhenTheContextCloses() {
		List<Connection> connections = new ArrayList<>();
		this.contextRunner.run((context) -> connections.add(context.getBean(Connection.class)));
		assertThat(connections).singleElement()
			.satisfies((connection) -> assertThat(connection.getStatus()).isEqualTo(Connection.Status.CLOSED));
	}

	@Test
	void runWithoutActuatorMicrometerJacksonOrValidationShouldStillConnect() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health",
					"io.micrometer", "tools.jackson", "com.fasterxml.jackson", "jakarta.validation",
					"org.testcontainers"))
			.run((context) -> assertThat(context.getBean(Connection.class).getStatus())
				.isEqualTo(Connection.Status.CONNECTED));
	}

	@Test
	void failFastDisabledShouldStartWhileTheServerIsDownAndConnectLater() throws Exception {
		try (NatsServer later = NatsServer.builder().build()) {
			this.contextRunner
				.withPropertyValues("nats.servers=" + later.url(), "nats.fail-fast=false", "nats.reconnect-wait=100ms",
						"nats.max-reconnects=-1", "nats.connection-timeout=500ms")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					Connection connection = context.getBean(Connection.class);
					assertThat(connection.getStatus()).isNotEqualTo(Connection.Status.CONNECTED);
					later.start();
					await().atMost(Duration.ofSeconds(20))
						.until(() -> connection.getStatus() == Connection.Status.CONNECTED);
					connection.publish("late.hello", new byte[0]);
					connection.flush(Duration.ofSeconds(2));
				});
		}
	}

	/**
	 * Let the application bring its own connection, so that options pointing at
	 * servers or credentials that do not exist can be inspected.
	 */
	private ApplicationContextRunner userConnection(ApplicationContextRunner runner) {
		return runner.withBean("userConnection", Connection.class, NatsAutoConfigurationTests::connect,
				(definition) -> definition.setDestroyMethodName("close"));
	}

	private static Connection connect() {
		try {
			return Nats.connect(nats.url());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		NatsOptionsCustomizer secondCustomizer() {
			return (builder) -> {
				this.calls.add("second");
				builder.connectionName("second");
			};
		}

		@Bean
		@Order(1)
		NatsOptionsCustomizer firstCustomizer() {
			return (builder) -> {
				this.calls.add("first");
				builder.connectionName("first");
			};
		}

	}

}

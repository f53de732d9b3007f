package io.github.natsjetstream.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link LocalNatsServerConfiguration}, with real servers.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class LocalNatsServerConfigurationTests {

	@RegisterExtension
	static final NatsServerExtension reachable = NatsServerExtension.jetStream();

	@TempDir
	Path directory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(LocalNatsServerConfiguration.class);

	@Test
	void usesTheConfiguredServerWhenItIsReachable() {
		Path unused = this.directory.resolve("unused");
		this.contextRunner.withPropertyValues("nats.servers=" + reachable.url(), "nats.local-server.directory=" + unused)
			.run((context) -> {
				LocalNatsServer server = context.getBean(LocalNatsServer.class);
				assertThat(server.isStarted()).isFalse();
				assertThat(server.servers()).containsExactly(reachable.url());
				assertThat(context.getEnvironment().getProperty("nats.servers")).isEqualTo(reachable.url());
				assertThat(unused).doesNotExist();
			});
	}

	@Test
	void startsALocalServerOnTheConfiguredLoopbackPortWhenNothingListensThere() {
		int closedPort = FreePorts.next();
		this.contextRunner
			.withPropertyValues("nats.servers=nats://localhost:" + closedPort,
					"nats.local-server.directory=" + this.directory)
			.run((context) -> {
				LocalNatsServer server = context.getBean(LocalNatsServer.class);
				assertThat(server.isStarted()).isTrue();
				assertThat(server.servers()).containsExactly("nats://127.0.0.1:" + closedPort);
				assertThat(context.getEnvironment().getProperty("nats.servers"))
					.isEqualTo("nats://127.0.0.1:" + closedPort);
				try (Connection connection = Clients.connect(servers(context.getEnvironment()))) {
					assertThat(connection.jetStreamManagement().getAccountStatistics()).isNotNull();
				}
				assertThat(this.directory.resolve("store/jetstream")).isDirectory();
			});
	}

	@Test
	void startsALocalServerOnAFreePortWhenTheConfiguredServerIsElsewhere() {
		// 192.0.2.0/24 is reserved for documentation: nothing answers there.
		this.contextRunner
			.withPropertyValues("nats.servers=nats://user:secret@192.0.2.1:4222",
					"nats.local-server.directory=" + this.directory)
			.run((context) -> {
				LocalNatsServer server = context.getBean(LocalNatsServer.class);
				assertThat(server.isStarted()).isTrue();
				assertThat(servers(context.getEnvironment())).isEqualTo(server.servers().get(0))
					.startsWith("nats://127.0.0.1:")
					.isNotEqualTo("nats://127.0.0.1:4222");
			});
	}

	@Test
	void keepsTheStoreWhenTheApplicationRestarts() {
		int closedPort = FreePorts.next();
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(
				"nats.servers=nats://127.0.0.1:" + closedPort, "nats.local-server.directory=" + this.directory);
		runner.run((context) -> {
			try (Connection connection = Clients.connect(servers(context.getEnvironment()))) {
				Clients.createFileStream(connection, "ORDERS", 1);
				Clients.publish(connection, "ORDERS", 3);
			}
		});
		runner.run((context) -> {
			assertThat(context.getBean(LocalNatsServer.class).isStarted()).isTrue();
			try (Connection connection = Clients.connect(servers(context.getEnvironment()))) {
				assertThat(connection.jetStreamManagement().getStreamInfo("ORDERS").getStreamState().getMsgCount())
					.isEqualTo(3);
				assertThat(Clients.read(connection, "ORDERS", 3)).isEqualTo("message-3");
			}
		});
	}

	@Test
	void stopsTheServerWhenTheContextCloses() {
		List<ProcessHandle> processes = new ArrayList<>();
		this.contextRunner
			.withPropertyValues("nats.servers=nats://127.0.0.1:" + FreePorts.next(),
					"nats.local-server.directory=" + this.directory)
			.run((context) -> {
				LocalServerRecord record = LocalServerRecord.read(this.directory).orElseThrow();
				assertThat(record.ownerPid()).isEqualTo(ProcessHandle.current().pid());
				processes.add(ProcessHandle.of(record.serverPid()).orElseThrow());
			});
		assertThat(processes).singleElement().satisfies((process) -> assertThat(process.isAlive()).isFalse());
		assertThat(LocalServerRecord.read(this.directory)).isEmpty();
		assertThat(this.directory.resolve("store/jetstream")).isDirectory();
	}

	@Test
	void runsTheServerInASessionOfItsOwnSoThatCtrlCReachesTheApplicationOnly() throws Exception {
		assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Needs /proc to read process sessions");
		try (LocalNatsServer server = LocalNatsServer.start(List.of("nats://127.0.0.1:" + FreePorts.next()),
				this.directory)) {
			long serverPid = LocalServerRecord.read(this.directory).orElseThrow().serverPid();
			assertThat(sessionOf(serverPid)).isEqualTo(serverPid).isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
			assertThat(server.isStarted()).isTrue();
		}
	}

	@Test
	void stopsTheServerAfterTheApplicationsBeansAreDestroyed() {
		ConfigurableApplicationContext context = SpringApplication.from(DevelopmentApplication::main)
			.with(LocalNatsServerConfiguration.class)
			.run("--nats.servers=nats://127.0.0.1:" + FreePorts.next(),
					"--nats.local-server.directory=" + this.directory, "--spring.main.banner-mode=off")
			.getApplicationContext();
		ConnectionAtShutdown connection = context.getBean(ConnectionAtShutdown.class);
		context.close();
		assertThat(connection.serverStatusAtShutdown).isEqualTo(Connection.Status.CONNECTED);
	}

	@Test
	void stopsAServerThatAnEndedApplicationLeftRunning() throws Exception {
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		try (NatsServer orphan = NatsServer.builder().storeDir(this.directory.resolve("store")).start()) {
			new LocalServerRecord(orphan.pid(), ended.pid(), orphan.url()).write(this.directory);
			try (LocalNatsServer server = LocalNatsServer.start(List.of("nats://127.0.0.1:" + FreePorts.next()),
					this.directory)) {
				assertThat(orphan.isRunning()).isFalse();
				assertThat(server.isStarted()).isTrue();
				assertThat(server.servers()).doesNotContain(orphan.url());
			}
		}
	}

	@Test
	void sharesTheServerThatARunningApplicationStartedInTheSameDirectory() {
		try (NatsServer running = NatsServer.builder().storeDir(this.directory.resolve("store")).start()) {
			new LocalServerRecord(running.pid(), ProcessHandle.current().pid(), running.url()).write(this.directory);
			try (LocalNatsServer server = LocalNatsServer.start(List.of("nats://127.0.0.1:" + FreePorts.next()),
					this.directory)) {
				assertThat(server.isStarted()).isFalse();
				assertThat(server.servers()).containsExactly(running.url());
			}
			assertThat(running.isRunning()).isTrue();
		}
	}

	@Test
	void saysHowToInstallNatsServerWhenThereIsNeitherABinaryNorDocker() {
		String previous = System.getProperty(NatsServerBinary.SYSTEM_PROPERTY);
		System.setProperty(NatsServerBinary.SYSTEM_PROPERTY, this.directory.resolve("missing/nats-server").toString());
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> LocalNatsServer.start(List.of("nats://localhost:" + FreePorts.next()),
						this.directory, () -> "Docker is not available"))
				.withMessageStartingWith("No NATS server is reachable at localhost:")
				.withMessageContaining("(nats.servers) and none can be started here")
				.withMessageContaining("apt-get install -y nats-server")
				.withMessageContaining("brew install nats-server")
				.withMessageContaining("-Dnats.server.binary")
				.withMessageEndingWith("Docker is not available.");
		}
		finally {
			restore(previous);
		}
	}

	@Test
	void failsStartupWithTheInstallHintWhenThereIsNeitherABinaryNorDocker() {
		assumeFalse(LocalNatsContainer.dockerAvailable(), "Docker is available: a container would be started");
		String previous = System.getProperty(NatsServerBinary.SYSTEM_PROPERTY);
		System.setProperty(NatsServerBinary.SYSTEM_PROPERTY, this.directory.resolve("missing/nats-server").toString());
		try {
			this.contextRunner
				.withPropertyValues("nats.servers=nats://127.0.0.1:" + FreePorts.next(),
						"nats.local-server.directory=" + this.directory)
				.run((context) -> assertThat(context).getFailure()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("none can be started here")
					.hasMessageContaining("apt-get install -y nats-server")
					.hasMessageContaining("Docker, which could run a NATS container instead, is not available"));
		}
		finally {
			restore(previous);
		}
	}

	private static long sessionOf(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		// pid (command) state ppid pgrp session ...
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[3]);
	}

	private static void restore(String previous) {
		if (previous != null) {
			System.setProperty(NatsServerBinary.SYSTEM_PROPERTY, previous);
		}
		else {
			System.clearProperty(NatsServerBinary.SYSTEM_PROPERTY);
		}
	}

	private static String servers(Environment environment) {
		return environment.getRequiredProperty("nats.servers");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class DevelopmentApplication {

		@Bean
		ConnectionAtShutdown connectionAtShutdown(Environment environment) throws Exception {
			return new ConnectionAtShutdown(servers(environment));
		}

		static void main(String[] args) {
			SpringApplication.run(DevelopmentApplication.class, args);
		}

	}

	/**
	 * Stands for the application's NATS connection: connects when created, and records
	 * whether the server is still there when the context destroys it.
	 */
	static class ConnectionAtShutdown implements DisposableBean {

		private final Connection connection;

		Connection.Status serverStatusAtShutdown;

		ConnectionAtShutdown(String servers) throws Exception {
			this.connection = Clients.connect(servers);
		}

		@Override
		public void destroy() throws Exception {
			this.connection.flush(Duration.ofSeconds(5));
			this.serverStatusAtShutdown = this.connection.getStatus();
			this.connection.close();
		}

	}

}

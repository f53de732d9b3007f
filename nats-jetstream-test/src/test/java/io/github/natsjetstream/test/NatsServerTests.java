package io.github.natsjetstream.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nats.client.Connection;
import io.nats.client.api.AccountStatistics;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NatsServerTests {

	@Test
	void startedServerAcceptsConnectionsAndServesJetStream() throws Exception {
		try (NatsServer server = NatsServer.builder().start(); Connection connection = Clients.connect(server.url())) {
			assertThat(server.isRunning()).isTrue();
			assertThat(server.url()).isEqualTo("nats://127.0.0.1:" + server.port());
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			Clients.createFileStream(connection, "ORDERS", 1);
			Clients.publish(connection, "ORDERS", 3);
			AccountStatistics statistics = connection.jetStreamManagement().getAccountStatistics();
			assertThat(statistics.getStreams()).isEqualTo(1);
			assertThat(Clients.read(connection, "ORDERS", 3)).isEqualTo("message-3");
			assertThat(server.monitoring("/jsz")).contains("\"messages\": 3");
			assertThat(server.monitoring("/varz")).contains("\"port\": " + server.port());
			assertThat(server.logFile()).content().contains("Server is ready");
			assertThat(server.configFile()).content().contains("jetstream {");
		}
	}

	@Test
	void givenBinaryIsStartedAndItsVersionIsTheRunningServersVersion() {
		Path binary = NatsServerBinary.locate();
		try (NatsServer server = NatsServer.builder().binary(binary).start()) {
			assertThat(server.binary()).isEqualTo(binary);
			assertThat(server.monitoring("/varz")).contains("\"version\": \"" + server.version() + "\"");
		}
	}

	@Test
	void restartKeepsJetStreamDataAndPort() throws Exception {
		try (NatsServer server = NatsServer.builder().start()) {
			int port = server.port();
			try (Connection connection = Clients.connect(server.url())) {
				Clients.createFileStream(connection, "EVENTS", 1);
				Clients.publish(connection, "EVENTS", 5);
			}

			server.restart();

			assertThat(server.isRunning()).isTrue();
			assertThat(server.port()).isEqualTo(port);
			try (Connection connection = Clients.connect(server.url())) {
				StreamInfo info = connection.jetStreamManagement().getStreamInfo("EVENTS");
				assertThat(info.getStreamState().getMsgCount()).isEqualTo(5);
				assertThat(Clients.read(connection, "EVENTS", 1)).isEqualTo("message-1");
				assertThat(Clients.read(connection, "EVENTS", 5)).isEqualTo("message-5");
			}
		}
	}

	@Test
	void killThenRestartKeepsAcknowledgedMessages() throws Exception {
		try (NatsServer server = NatsServer.builder().start()) {
			try (Connection connection = Clients.connect(server.url())) {
				Clients.createFileStream(connection, "CRASH", 1);
				Clients.publish(connection, "CRASH", 4);
			}

			server.kill();
			assertThat(server.isRunning()).isFalse();
			server.restart();

			try (Connection connection = Clients.connect(server.url())) {
				StreamInfo info = connection.jetStreamManagement().getStreamInfo("CRASH");
				assertThat(info.getStreamState().getMsgCount()).isEqualTo(4);
				assertThat(Clients.read(connection, "CRASH", 4)).isEqualTo("message-4");
			}
		}
	}

	@Test
	void stoppedServerRefusesConnections() throws Exception {
		try (NatsServer server = NatsServer.builder().jetStream(false).monitoring(false).start()) {
			server.stop();

			assertThat(server.isRunning()).isFalse();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> Clients.connect(server.url()));
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(NatsServer.LOOPBACK, server.port()), 1000);
				}
			});
		}
	}

	@Test
	void closeDeletesTheTemporaryDirectoryButKeepsAGivenStoreDirectory(@TempDir Path storeDir) throws Exception {
		NatsServer server = NatsServer.builder().storeDir(storeDir).start();
		Path workDir = server.workDir();
		server.close();

		assertThat(server.isRunning()).isFalse();
		assertThat(workDir).doesNotExist();
		assertThat(storeDir.resolve("jetstream")).isDirectory();
		assertThatIllegalStateException().isThrownBy(server::start).withMessageContaining("closed");
	}

	@Test
	void extraConfigurationIsAppendedAndItsPortLinesAreKeptAwayFromTheRunner() throws Exception {
		int leafPort = FreePorts.next();
		try (NatsServer server = NatsServer.builder()
			.jetStream(false)
			.config("max_payload: 65536")
			.config("leafnodes {\n  host: 127.0.0.1\n  port: " + leafPort + "\n}")
			.start()) {
			assertThat(server.monitoring("/varz")).contains("\"max_payload\": 65536")
				.contains("\"port\": " + leafPort);
			assertThat(server.configFile()).content().contains("port = " + leafPort);
		}
	}

	@Test
	void invalidConfigurationFailsFastWithTheServerOutput() {
		NatsServer server = NatsServer.builder().config("this is { not valid").build();
		try {
			assertThatIllegalStateException().isThrownBy(server::start)
				.withMessageContaining("exited during startup")
				.withMessageContaining("this is { not valid");
			assertThat(server.isRunning()).isFalse();
		}
		finally {
			server.close();
		}
	}

	@Test
	void portClashFailsWithTheServerLogInTheMessage() {
		try (NatsServer first = NatsServer.builder().jetStream(false).monitoring(false).start();
				NatsServer second = NatsServer.builder().jetStream(false).monitoring(false).port(first.port()).build()) {
			assertThatIllegalStateException().isThrownBy(second::start)
				.withMessageContaining("exited during startup")
				.withMessageContaining("address already in use");
			assertThat(first.isRunning()).isTrue();
		}
	}

	@Test
	void startingARunningServerIsRejected() {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			assertThatIllegalStateException().isThrownBy(server::start).withMessageContaining("already running");
		}
	}

	@Test
	void configurationFileHoldsEveryGeneratedSetting() throws IOException {
		try (NatsServer server = NatsServer.builder().serverName("alpha").build()) {
			server.start();
			String config = Files.readString(server.configFile());
			assertThat(config).contains("port: " + server.port())
				.contains("server_name: \"alpha\"")
				.contains("pid_file:")
				.contains("log_file: \"" + server.logFile())
				.contains("http: \"" + server.monitoringUrl().substring("http://".length()) + "\"")
				.contains("store_dir: \"" + server.storeDir());
		}
	}

}

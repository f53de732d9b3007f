package io.github.natsjetstream.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import io.github.natsjetstream.autoconfigure.NatsConnectionDetails;
import io.github.natsjetstream.test.NatsServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Supplies the sample's {@link NatsConnectionDetails} for development: the server on
 * {@code localhost:4222} when it is reachable, otherwise a local {@code nats-server} that
 * lives as long as the application.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@TestConfiguration(proxyBeanMethods = false)
class LocalNatsServerConfiguration {

	private static final Log logger = LogFactory.getLog(LocalNatsServerConfiguration.class);

	private static final String DEFAULT_URL = "nats://localhost:4222";

	@Bean(destroyMethod = "close")
	LocalNatsServer localNatsServer() throws Exception {
		if (isListening("localhost", 4222)) {
			logger.info("Using the NATS server at " + DEFAULT_URL);
			return new LocalNatsServer(null);
		}
		NatsServer server = NatsServer.builder().build().start();
		logger.info("No NATS server at " + DEFAULT_URL + "; started a local one at " + server.url()
				+ " (store: " + server.storeDir() + ")");
		return new LocalNatsServer(server);
	}

	@Bean
	NatsConnectionDetails natsConnectionDetails(LocalNatsServer localNatsServer) {
		return localNatsServer::servers;
	}

	private static boolean isListening(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The server the sample uses, and the one it started, if any.
	 */
	static final class LocalNatsServer implements AutoCloseable {

		private final NatsServer startedServer;

		LocalNatsServer(NatsServer startedServer) {
			this.startedServer = startedServer;
		}

		List<String> servers() {
			return List.of((this.startedServer != null) ? this.startedServer.url() : DEFAULT_URL);
		}

		@Override
		public void close() throws Exception {
			if (this.startedServer != null) {
				this.startedServer.close();
			}
		}

	}

}

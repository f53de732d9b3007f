package io.github.natsjetstream.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;

/**
 * Client-side helpers shared by the tests.
 */
final class Clients {

	private Clients() {
	}

	/**
	 * Options for a test connection that fails fast instead of retrying.
	 * @param url the server URL(s), comma-separated
	 * @return an options builder to complete
	 */
	static Options.Builder options(String url) {
		return new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5)).noReconnect();
	}

	/**
	 * Connects to a server.
	 * @param url the server URL(s), comma-separated
	 * @return the connection
	 */
	static Connection connect(String url) throws IOException, InterruptedException {
		return Nats.connect(options(url).build());
	}

	/**
	 * Creates a file-storage stream capturing {@code <name>.>}.
	 * @param connection the connection
	 * @param name the stream name
	 * @param replicas the number of replicas
	 * @return the stream info
	 */
	static StreamInfo createFileStream(Connection connection, String name, int replicas)
			throws IOException, JetStreamApiException {
		JetStreamManagement management = connection.jetStreamManagement();
		return management.addStream(StreamConfiguration.builder()
			.name(name)
			.subjects(name + ".>")
			.storageType(StorageType.File)
			.replicas(replicas)
			.build());
	}

	/**
	 * Publishes messages {@code "message-1"} to {@code "message-N"} and waits for every ack.
	 * @param connection the connection
	 * @param stream the stream name
	 * @param count the number of messages
	 */
	static void publish(Connection connection, String stream, int count) throws IOException, JetStreamApiException {
		for (int i = 1; i <= count; i++) {
			connection.jetStream().publish(stream + ".test", ("message-" + i).getBytes(StandardCharsets.UTF_8));
		}
	}

	/**
	 * Reads one stored message's payload by sequence number.
	 * @param connection the connection
	 * @param stream the stream name
	 * @param sequence the sequence number
	 * @return the payload as text
	 */
	static String read(Connection connection, String stream, long sequence) throws IOException, JetStreamApiException {
		return new String(connection.jetStreamManagement().getMessage(stream, sequence).getData(),
				StandardCharsets.UTF_8);
	}

}

package io.github.natsjetstream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.reliability.app.FaultHandler;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * One run of a scenario: the stream, the instances of the application under test, the
 * publisher, and the accounting at the end. The run's directory holds the instances'
 * records and logs.
 */
final class FaultRun implements AutoCloseable {

	static final String DEAD_LETTER_STREAM = "FAULTS_DLQ";

	private static final Duration HANDLING_TIMEOUT = Duration.ofMinutes(10);

	private final Path dir;

	private final String servers;

	private final String serverVersion;

	private final Connection connection;

	private final List<ApplicationInstance> instances = new ArrayList<>();

	private @Nullable Publisher publisher;

	FaultRun(Path dir, String servers, String serverVersion) throws Exception {
		this.dir = dir;
		this.servers = servers;
		this.serverVersion = serverVersion;
		this.connection = Nats.connect(new Options.Builder().servers(servers.split(","))
			.maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(100))
			.connectionTimeout(Duration.ofSeconds(2))
			.build());
	}

	Connection connection() {
		return this.connection;
	}

	/**
	 * Create the stream {@code FAULTS} and the dead-letter stream, on file, with the given
	 * replicas. The application finds the first by its subjects and declares the second
	 * (without replicas, so it leaves them as they are).
	 * @param replicas the number of replicas
	 */
	void createStreams(int replicas) throws Exception {
		JetStreamManagement management = management();
		management.addStream(StreamConfiguration.builder()
			.name(FaultHandler.STREAM)
			.subjects("faults.>")
			.storageType(StorageType.File)
			.replicas(replicas)
			.build());
		management.addStream(StreamConfiguration.builder()
			.name(DEAD_LETTER_STREAM)
			.subjects("faultsdlq.>")
			.storageType(StorageType.File)
			.replicas(replicas)
			.build());
	}

	/**
	 * Start an instance of the application under test on the run's servers, with the
	 * starter's defaults but for the dead-letter stream and the given properties.
	 * @param name the instance's name
	 * @param properties further properties, as {@code name=value}
	 * @return the instance, not yet ready
	 */
	ApplicationInstance startInstance(String name, String... properties) {
		return startInstance(name, List.of(this.servers.split(",")), properties);
	}

	/**
	 * Start an instance of the application under test on the given servers of the run,
	 * with the starter's defaults but for the dead-letter stream and the given properties.
	 * @param name the instance's name
	 * @param servers the URLs of {@code nats.servers}
	 * @param properties further properties, as {@code name=value}
	 * @return the instance, not yet ready
	 */
	ApplicationInstance startInstance(String name, List<String> servers, String... properties) {
		List<String> all = new ArrayList<>(List.of("nats.servers=" + String.join(",", servers),
				"nats.jetstream.dead-letter.stream=" + DEAD_LETTER_STREAM, "nats.jetstream.dead-letter.subjects=faultsdlq.>",
				"nats.jetstream.dead-letter.subject=faultsdlq.{stream}.{durable}"));
		all.addAll(List.of(properties));
		ApplicationInstance instance = ApplicationInstance.start(name, this.dir, all);
		this.instances.add(instance);
		return instance;
	}

	/**
	 * Start publishing the run's messages.
	 * @param count the number of messages
	 * @param maxWaiting how many may wait in the stream at most, {@code null} for no limit
	 * @return the publisher
	 */
	Publisher publish(int count, @Nullable Integer maxWaiting) throws Exception {
		this.publisher = Publisher.start(this.connection, count, maxWaiting);
		return this.publisher;
	}

	/**
	 * Wait until the instances have handled at least the given number of messages,
	 * duplicates included.
	 * @param count the number of handlings
	 */
	void awaitHandlings(long count) {
		await("handlings").atMost(HANDLING_TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> Ledger.countHandlings(this.dir) >= count);
	}

	/**
	 * Wait until every acknowledged message has been handled and the consumer has nothing
	 * left to deliver or to be acknowledged, so that no more duplicates can come: then the
	 * ledger is final.
	 * @param acknowledged the ids the server acknowledged
	 * @return the final ledger
	 */
	Ledger awaitSettled(BitSet acknowledged) {
		awaitHandlings(acknowledged.cardinality());
		await("every acknowledged message handled").atMost(HANDLING_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> Ledger.read(this.dir).lost(acknowledged).isEmpty());
		await("consumer settled").atMost(HANDLING_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> {
				ConsumerInfo info = management().getConsumerInfo(FaultHandler.STREAM, FaultHandler.DURABLE);
				return info.getNumPending() == 0 && info.getNumAckPending() == 0;
			});
		return Ledger.read(this.dir);
	}

	/**
	 * Return the number of messages in the dead-letter stream.
	 * @return the number of dead letters
	 */
	long deadLetters() throws Exception {
		try {
			return management().getStreamInfo(DEAD_LETTER_STREAM).getStreamState().getMsgCount();
		}
		catch (JetStreamApiException ex) {
			return 0;
		}
	}

	/**
	 * Count the run by id.
	 * @param scenario the scenario's name
	 * @param ledger the final ledger
	 * @param acknowledged the ids the server acknowledged
	 * @param resumeMillis the time to resume, -1 for none
	 * @param details what else was measured
	 * @return the figures, reported
	 */
	Figures figures(String scenario, Ledger ledger, BitSet acknowledged, long resumeMillis,
			Map<String, Object> details) throws Exception {
		Publisher current = this.publisher;
		Map<String, Object> all = new LinkedHashMap<>(details);
		if (current != null) {
			all.put("republished", current.republished());
		}
		return new Figures(scenario, this.serverVersion, acknowledged.cardinality(), ledger.handledIds().cardinality(),
				ledger.lost(acknowledged).cardinality(), ledger.duplicates(), deadLetters(), resumeMillis, all)
			.report();
	}

	/**
	 * Describe the run for an assertion's message: the instances' output.
	 * @return the description
	 */
	String describe() {
		StringBuilder description = new StringBuilder("run in " + this.dir);
		for (ApplicationInstance instance : this.instances) {
			String output = instance.output();
			description.append("\n--- ")
				.append(instance)
				.append(" ---\n")
				.append(output, Math.max(0, output.length() - 20_000), output.length());
		}
		return description.toString();
	}

	private JetStreamManagement management() throws Exception {
		return this.connection.jetStreamManagement();
	}

	@Override
	public void close() throws Exception {
		Publisher current = this.publisher;
		if (current != null) {
			current.close();
		}
		this.instances.forEach(ApplicationInstance::close);
		this.connection.close();
	}

}

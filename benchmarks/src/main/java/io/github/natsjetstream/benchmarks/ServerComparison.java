package io.github.natsjetstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.natsjetstream.benchmarks.Report.ServerThroughput;
import io.github.natsjetstream.benchmarks.Report.ThroughputCase;
import io.github.natsjetstream.benchmarks.ThroughputBenchmark.Case;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.NatsServerBinary;
import io.nats.client.api.StorageType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput (a) and (b) on every {@code nats-server} version at hand, one row each, so
 * that a regression on either the oldest supported server or today's shows: the run's
 * own server gives its row from the main throughput rounds, every other binary gets
 * rounds of (a) and (b) of its own.
 */
final class ServerComparison {

	/** Where the build keeps the servers it tests against, besides the one it runs. */
	private static final List<Path> KNOWN_BINARIES = List.of(NatsServerBinary.PROJECT_CACHE,
			Path.of("/usr/sbin/nats-server"));

	private static final List<Case> CASES = List.of(Case.RAW, Case.HANDLER);

	private final BenchmarkOptions options;

	private final MessageSink sink;

	private final JsonMapper mapper;

	ServerComparison(BenchmarkOptions options, MessageSink sink, JsonMapper mapper) {
		this.options = options;
		this.sink = sink;
		this.mapper = mapper;
	}

	/**
	 * Return the binaries to compare besides the run's own server: those given with
	 * {@code --other-servers}, or else the project's cache and the system's package when
	 * they exist and differ from it.
	 * @param own the binary of the run's own server
	 * @return the other binaries
	 */
	List<Path> otherBinaries(Path own) {
		List<Path> candidates = this.options.otherServers().isEmpty() ? KNOWN_BINARIES : this.options.otherServers();
		Set<Path> others = new LinkedHashSet<>();
		for (Path candidate : candidates) {
			if (Files.isExecutable(candidate) && !realPath(candidate).equals(realPath(own))) {
				others.add(realPath(candidate));
			}
		}
		return List.copyOf(others);
	}

	/**
	 * Return the row of the run's own server, from its main throughput rounds.
	 * @param version the server's version
	 * @param throughput the main throughput cases
	 * @param roundRatios their per-round ratios
	 * @return the row, or none when (a) or (b) did not run
	 */
	static List<ServerThroughput> ownRow(String version, List<ThroughputCase> throughput,
			Map<String, Double> roundRatios) {
		return row(version, "this run's server", throughput, roundRatios).map(List::of).orElse(List.of());
	}

	/**
	 * Measure (a) and (b) on each of the given servers.
	 * @param binaries the servers' binaries
	 * @return a row per server
	 * @throws Exception when a round fails
	 */
	List<ServerThroughput> measure(List<Path> binaries) throws Exception {
		List<ServerThroughput> rows = new ArrayList<>();
		BenchmarkOptions caseOptions = this.options.withThroughputCases(CASES);
		StorageType storage = this.options.storage().equals("memory") ? StorageType.Memory : StorageType.File;
		for (Path binary : binaries) {
			try (NatsServer server = NatsServer.builder().binary(binary).build().start()) {
				String version = this.mapper.readTree(server.monitoring("/varz")).path("version").asString();
				System.out.println("nats-server " + version + " at " + server.url() + " for (a) and (b)");
				StarterContexts contexts = new StarterContexts(server.url(), this.sink);
				try (JetStreamFixture fixture = new JetStreamFixture(server.url(), this.mapper, storage)) {
					List<ThroughputCase> cases = new ThroughputBenchmark(caseOptions, fixture, contexts, this.sink,
							this.mapper, server.url())
						.run();
					row(version, shown(binary), cases, Report.roundRatios(cases)).ifPresent(rows::add);
				}
			}
		}
		return rows;
	}

	private static Optional<ServerThroughput> row(String version, String binary,
			List<ThroughputCase> throughput, Map<String, Double> roundRatios) {
		ThroughputCase raw = find(throughput, Case.RAW.label);
		ThroughputCase handler = find(throughput, Case.HANDLER.label);
		Double ratio = roundRatios.get(Case.HANDLER.label + "/" + Case.RAW.label);
		if (raw == null || handler == null || ratio == null) {
			return Optional.empty();
		}
		return Optional.of(new ServerThroughput(version, binary, raw.medianPerSecond(),
				handler.medianPerSecond(), ratio, raw.rounds().size()));
	}

	private static @Nullable ThroughputCase find(List<ThroughputCase> cases, String label) {
		return cases.stream().filter((c) -> c.label().equals(label)).findFirst().orElse(null);
	}

	private static String shown(Path binary) {
		Path here = Path.of("").toAbsolutePath();
		return binary.startsWith(here) ? here.relativize(binary).toString() : binary.toString();
	}

	private static Path realPath(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

}

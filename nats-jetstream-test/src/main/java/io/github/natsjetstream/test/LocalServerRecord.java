package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link LocalNatsServer} writes next to its store while its {@code nats-server}
 * runs: the server's process, the process of the application that started it, and its URL.
 * The next start reads it to find a server that is still running: one to share while its
 * application runs, or an orphan to kill when that application died without stopping it.
 *
 * @param serverPid the process id of the {@code nats-server}
 * @param ownerPid the process id of the JVM that started it
 * @param url the server's client URL
 * @author NATS JetStream Spring Boot Starter contributors
 */
record LocalServerRecord(long serverPid, long ownerPid, String url) {

	/** The file name, in the local server's directory. */
	static final String FILE_NAME = "local-nats-server.properties";

	/**
	 * Reads the record of a directory.
	 * @param directory the local server's directory
	 * @return the record, or empty when there is none or it cannot be read
	 */
	static Optional<LocalServerRecord> read(Path directory) {
		Path file = directory.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
			return Optional.of(new LocalServerRecord(Long.parseLong(properties.getProperty("server-pid", "-1")),
					Long.parseLong(properties.getProperty("owner-pid", "-1")), properties.getProperty("url", "")));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Writes this record into a directory.
	 * @param directory the local server's directory
	 */
	void write(Path directory) {
		Properties properties = new Properties();
		properties.setProperty("server-pid", Long.toString(this.serverPid));
		properties.setProperty("owner-pid", Long.toString(this.ownerPid));
		properties.setProperty("url", this.url);
		try (Writer writer = Files.newBufferedWriter(directory.resolve(FILE_NAME))) {
			properties.store(writer, "The nats-server started by LocalNatsServer; deleted when it stops");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + directory.resolve(FILE_NAME), ex);
		}
	}

	/**
	 * Deletes the record of a directory, if any.
	 * @param directory the local server's directory
	 */
	static void delete(Path directory) {
		try {
			Files.deleteIfExists(directory.resolve(FILE_NAME));
		}
		catch (IOException ex) {
			// A stale record is recognized by its dead processes at the next start.
		}
	}

	/**
	 * The recorded {@code nats-server} process, when it still runs.
	 * @return the process, or {@code null}
	 */
	@Nullable ProcessHandle runningServer() {
		return ProcessHandle.of(this.serverPid)
			.filter(ProcessHandle::isAlive)
			.filter(LocalServerRecord::isNatsServer)
			.orElse(null);
	}

	/**
	 * Tells whether the application that started the server still runs.
	 * @return {@code true} while it runs
	 */
	boolean ownerRunning() {
		return ProcessHandle.of(this.ownerPid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static boolean isNatsServer(ProcessHandle process) {
		return process.info().command().map((command) -> command.contains("nats-server")).orElse(false);
	}

}

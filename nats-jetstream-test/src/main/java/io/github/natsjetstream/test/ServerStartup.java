package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Waits until a freshly launched {@code nats-server} process is ready: its log reports
 * {@code "Server is ready"} (printed after JetStream has been enabled and recovered its data)
 * and its client port answers with an {@code INFO} line. Fails early, with the server's output,
 * log and configuration in the message, when the process exits.
 */
final class ServerStartup {

	private static final String READY_LINE = "Server is ready";

	private static final String RUNNER_MESSAGE_PREFIX = "%%%";

	private static final int LOG_TAIL_LINES = 40;

	private final Path launchedConfigFile;

	private final Path pidFile;

	private final Path logFile;

	private final long logOffset;

	private final int port;

	private final ProcessOutput output;

	/**
	 * Creates a waiter for one launch.
	 * @param launchedConfigFile the configuration file on the process's command line
	 * @param pidFile the server's {@code pid_file}
	 * @param logFile the server's {@code log_file}
	 * @param logOffset size of the log file before the launch; earlier lines are ignored
	 * @param port the client port
	 * @param output what the process printed on its standard streams
	 */
	ServerStartup(Path launchedConfigFile, Path pidFile, Path logFile, long logOffset, int port, ProcessOutput output) {
		this.launchedConfigFile = launchedConfigFile;
		this.pidFile = pidFile;
		this.logFile = logFile;
		this.logOffset = logOffset;
		this.port = port;
		this.output = output;
	}

	/**
	 * Waits for the server to become ready.
	 * @param timeout how long to wait at most
	 * @return the server process
	 * @throws IllegalStateException if the process exits or is not ready in time
	 */
	ProcessHandle awaitReady(Duration timeout) {
		Deadline deadline = Deadline.after(timeout);
		ProcessHandle process = null;
		while (true) {
			if (process == null) {
				process = findProcess().orElse(null);
				if (process == null && hasProcessOutput()) {
					throw failure("nats-server exited during startup");
				}
			}
			if (process != null && !process.isAlive()) {
				throw failure("nats-server exited during startup");
			}
			if (process != null && logSinceLaunch().contains(READY_LINE) && acceptsConnections()) {
				return process;
			}
			if (deadline.hasPassed()) {
				throw failure("nats-server did not become ready within " + timeout.toMillis() + " ms");
			}
			if (process != null) {
				awaitExit(process, deadline.nextWaitMillis());
			}
			else {
				deadline.pause();
			}
		}
	}

	/**
	 * Builds the exception for a failed start, with everything needed to diagnose it.
	 * @param reason what went wrong
	 * @return the exception
	 */
	IllegalStateException failure(String reason) {
		StringBuilder message = new StringBuilder(reason).append('.');
		List<String> lines = this.output.lines();
		if (!lines.isEmpty()) {
			message.append("\n--- nats-server output ---\n").append(String.join("\n", lines));
		}
		String logText = logSinceLaunch();
		if (!logText.isBlank()) {
			List<String> log = Arrays.asList(logText.split("\n"));
			message.append("\n--- ").append(this.logFile).append(" (tail) ---\n")
				.append(String.join("\n", log.subList(Math.max(0, log.size() - LOG_TAIL_LINES), log.size())));
		}
		try {
			message.append("\n--- ").append(this.launchedConfigFile).append(" ---\n")
				.append(Files.readString(this.launchedConfigFile));
		}
		catch (IOException ex) {
			// Report what we have.
		}
		return new IllegalStateException(message.toString());
	}

	private Optional<ProcessHandle> findProcess() {
		String config = this.launchedConfigFile.toString();
		Optional<ProcessHandle> child = ProcessHandle.current()
			.children()
			.filter((handle) -> handle.info().arguments().map((args) -> Arrays.asList(args).contains(config)).orElse(false))
			.findFirst();
		return child.isPresent() ? child : processFromPidFile();
	}

	private Optional<ProcessHandle> processFromPidFile() {
		try {
			String pid = Files.readString(this.pidFile).trim();
			return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private boolean hasProcessOutput() {
		return this.output.lines().stream().anyMatch((line) -> !line.startsWith(RUNNER_MESSAGE_PREFIX));
	}

	private String logSinceLaunch() {
		if (!Files.exists(this.logFile)) {
			return "";
		}
		try (RandomAccessFile file = new RandomAccessFile(this.logFile.toFile(), "r")) {
			long length = file.length();
			if (length <= this.logOffset) {
				return "";
			}
			byte[] bytes = new byte[(int) (length - this.logOffset)];
			file.seek(this.logOffset);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private boolean acceptsConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(NatsServer.LOOPBACK, this.port), 1000);
			socket.setSoTimeout(1000);
			return readLine(socket.getInputStream()).startsWith("INFO");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int next = in.read();
		while (next != -1 && next != '\n' && line.length() < 8192) {
			line.append((char) next);
			next = in.read();
		}
		return line.toString();
	}

	private static void awaitExit(ProcessHandle process, long millis) {
		try {
			process.onExit().get(millis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// Still running: poll again.
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not watch nats-server process " + process.pid(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for nats-server to start", ex);
		}
	}

	/**
	 * Reads the current size of a file, {@code 0} if it does not exist.
	 * @param file the file
	 * @return its size in bytes
	 */
	static long sizeOf(@Nullable Path file) {
		try {
			return (file != null && Files.exists(file)) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

}

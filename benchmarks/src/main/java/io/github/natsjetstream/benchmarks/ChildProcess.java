package io.github.natsjetstream.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Java process the benchmarks start and drive over its standard input and output (the
 * protocol of {@code process.BenchmarkControl} and of the scale application): lines that
 * start with {@code BENCH } are the protocol, everything else the process prints goes to
 * its log file.
 */
final class ChildProcess implements AutoCloseable {

	private static final String PREFIX = "BENCH ";

	private final Process process;

	private final Path log;

	private final Writer input;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final List<String> seen = new ArrayList<>();

	private ChildProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
		this.input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread reader = new Thread(this::read, "bench-child-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start a process.
	 * @param command the command
	 * @param log where to write what it prints
	 * @return the process
	 * @throws IOException when it cannot start
	 */
	static ChildProcess start(List<String> command, Path log) throws IOException {
		Files.createDirectories(log.getParent());
		Files.writeString(log, String.join(" ", command) + "\n");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new ChildProcess(process, log);
	}

	/**
	 * Return the command that starts this JVM's {@code java} with no options, as a user
	 * would run an application.
	 * @return the {@code java} executable
	 */
	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/**
	 * Return this JVM's class path, for a process that runs a class of the benchmarks.
	 * @return the class path
	 */
	static String classPath() {
		return System.getProperty("java.class.path");
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	/**
	 * Wait for the protocol line that starts with {@code BENCH <word>}.
	 * @param word the line's first word after {@code BENCH}
	 * @param timeout how long to wait
	 * @return the rest of the line
	 * @throws IllegalStateException when the process ends or the timeout passes first
	 */
	String await(String word, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String expected = PREFIX + word;
		while (true) {
			long remaining = deadline - System.nanoTime();
			String line = this.lines.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(200)),
					TimeUnit.NANOSECONDS);
			if (line != null) {
				this.seen.add(line);
				if (line.equals(expected) || line.startsWith(expected + " ")) {
					return line.substring(expected.length()).trim();
				}
			}
			else if (!this.process.isAlive() && this.lines.isEmpty()) {
				throw new IllegalStateException("Process " + this.process.pid() + " ended (exit code "
						+ this.process.exitValue() + ") before '" + expected + "': see " + this.log);
			}
			else if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("No '" + expected + "' from process " + this.process.pid()
						+ " within " + timeout + ": see " + this.log);
			}
		}
	}

	/**
	 * Return the protocol lines seen so far that start with {@code BENCH <word>}, without
	 * that start.
	 * @param word the first word after {@code BENCH}
	 * @return the lines' rest
	 */
	List<String> seen(String word) {
		String expected = PREFIX + word + " ";
		return this.seen.stream().filter((line) -> line.startsWith(expected))
			.map((line) -> line.substring(expected.length()).trim())
			.toList();
	}

	/**
	 * Send a line to the process.
	 * @param line the line
	 */
	void send(String line) throws IOException {
		this.input.write(line + "\n");
		this.input.flush();
	}

	/**
	 * Parse {@code name=value} pairs separated by spaces.
	 * @param text the pairs
	 * @return the values by name
	 */
	static Map<String, String> values(String text) {
		Map<String, String> values = new TreeMap<>();
		for (String pair : text.trim().split("\\s+")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return values;
	}

	/**
	 * Ask the process to end ({@code EXIT}), and destroy it if it has not ended within the
	 * timeout.
	 */
	@Override
	public void close() throws InterruptedException {
		try {
			send("EXIT");
			this.input.close();
		}
		catch (IOException ex) {
			// Already gone.
		}
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				Writer out = Files.newBufferedWriter(this.log, StandardCharsets.UTF_8,
						java.nio.file.StandardOpenOption.APPEND)) {
			String line;
			while ((line = reader.readLine()) != null) {
				out.write(line);
				out.write('\n');
				if (line.startsWith(PREFIX)) {
					out.flush();
					this.lines.add(line);
				}
			}
		}
		catch (IOException ex) {
			// The process ended.
		}
	}

}

package io.github.natsjetstream.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsjetstream.reliability.app.FaultApplication;

import static org.awaitility.Awaitility.await;

/**
 * One instance of the application under test ({@link FaultApplication}) in a child JVM of
 * its own, with a heap of at most {@value #MAX_HEAP}: started, awaited until its handler
 * runs, then stopped with SIGTERM or killed with SIGKILL as the scenario says. Its output
 * goes to {@code <name>.log}, its handled messages to {@code <name>.handled}, both in the
 * run's directory.
 */
final class ApplicationInstance implements AutoCloseable {

	static final String MAX_HEAP = "256m";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private final String name;

	private final Path log;

	private final Path ready;

	private final Process process;

	private final AtomicLong exitedAt = new AtomicLong();

	private ApplicationInstance(String name, Path log, Path ready, Process process) {
		this.name = name;
		this.log = log;
		this.ready = ready;
		this.process = process;
		process.onExit().thenRun(() -> this.exitedAt.compareAndSet(0, System.currentTimeMillis()));
	}

	/**
	 * Start an instance.
	 * @param name the instance's name, unique in the run
	 * @param dir the run's directory
	 * @param properties the application's properties, as {@code name=value}
	 * @return the started instance, not necessarily ready yet
	 */
	static ApplicationInstance start(String name, Path dir, List<String> properties) {
		Path log = dir.resolve(name + ".log");
		Path ready = dir.resolve(name + ".ready");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + MAX_HEAP, "-cp", System.getProperty("java.class.path"), FaultApplication.class.getName(),
				"--faults.instance=" + name, "--faults.record=" + Ledger.recordFile(dir, name),
				"--faults.ready=" + ready, "--spring.application.name=faults"));
		properties.forEach((property) -> command.add("--" + property));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new ApplicationInstance(name, log, ready, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start instance " + name, ex);
		}
	}

	/**
	 * Wait until the instance's handler runs.
	 * @return this instance
	 */
	ApplicationInstance awaitReady() {
		await("instance " + this.name + " ready").atMost(STARTUP_TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("Instance " + this.name + " exited with "
							+ this.process.exitValue() + " before it was ready:\n" + output());
				}
				return Files.exists(this.ready);
			});
		return this;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Stop the instance as a platform does (SIGTERM) and wait until it has exited.
	 * @param timeout how long to wait at most
	 * @return the exit code
	 */
	int terminate(Duration timeout) {
		this.process.destroy();
		return awaitExit(timeout);
	}

	/**
	 * Kill the instance (SIGKILL), as a crash or an out-of-memory killer would, and wait
	 * until it has gone.
	 */
	void kill() {
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/**
	 * Return when the process exited, in epoch milliseconds.
	 * @return the time, or 0 while it runs
	 */
	long exitedAt() {
		return this.exitedAt.get();
	}

	/**
	 * Return the resident memory of the process, from {@code /proc/<pid>/status}.
	 * @return the resident set size in kilobytes, empty when it is not known
	 */
	OptionalLong residentKilobytes() {
		Path status = Path.of("/proc", Long.toString(this.process.pid()), "status");
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmRSS:")) {
					return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
				}
			}
			return OptionalLong.empty();
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	private int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Instance " + this.name + " did not exit within " + timeout
						+ ":\n" + output());
			}
			// onExit() runs its actions asynchronously: note the time here too.
			this.exitedAt.compareAndSet(0, System.currentTimeMillis());
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for instance " + this.name, ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public String toString() {
		return "instance " + this.name + " (pid " + this.process.pid() + ")";
	}

}

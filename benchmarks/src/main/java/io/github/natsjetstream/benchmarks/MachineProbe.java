package io.github.natsjetstream.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * CPU time outside this JVM: that of the {@code nats-server} the run started (a child
 * process of this JVM), and the idle time of the whole machine. Together with the JVM's own
 * CPU time they show whether a round was bound by the machine's two cores, and how the
 * work per message was shared between client and server.
 */
final class MachineProbe {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	private static final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();

	private static final long QUIET_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private MachineProbe() {
	}

	/**
	 * CPU time used so far by the {@code nats-server} processes this JVM started.
	 * @return nanoseconds, or {@code -1} when the operating system does not tell
	 */
	static long serverCpuNanos() {
		long total = 0;
		boolean found = false;
		for (ProcessHandle child : ProcessHandle.current().children().toList()) {
			boolean server = child.info().command().map((command) -> command.endsWith("nats-server")).orElse(false);
			if (server) {
				Duration cpu = child.info().totalCpuDuration().orElse(null);
				if (cpu != null) {
					total += cpu.toNanos();
					found = true;
				}
			}
		}
		return found ? total : -1;
	}

	/**
	 * Time the JIT compilers have spent so far.
	 * @return milliseconds, or {@code -1} when the JVM does not tell
	 */
	static long compilationMillis() {
		return (compilation != null && compilation.isCompilationTimeMonitoringSupported())
				? compilation.getTotalCompilationTime() : -1;
	}

	/**
	 * Wait until the JIT compilers have been idle for two polls in a row (or the timeout
	 * passed), so that compiling what a setup just ran (a Spring application's startup,
	 * say) does not take the processors from the timed part that follows.
	 * @param timeout the longest to wait
	 */
	static void awaitCompilationQuiet(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long last = compilationMillis();
		int quietPolls = 0;
		while (quietPolls < 2 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(QUIET_POLL_NANOS);
			long now = compilationMillis();
			quietPolls = (now == last) ? quietPolls + 1 : 0;
			last = now;
		}
	}

	/**
	 * The machine's CPU time so far, all processors together, in clock ticks: idle and all.
	 * @return {@code [idle, total]}, or {@code null} where there is no {@code /proc/stat}
	 */
	static long @Nullable [] machineTicks() {
		try {
			String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The share of the machine's CPU time that was idle between two readings.
	 * @param before a reading of {@link #machineTicks()}
	 * @param after a later one
	 * @return the idle share, 0 to 1, or {@code NaN} when unknown
	 */
	static double idleShare(long @Nullable [] before, long @Nullable [] after) {
		if (before == null || after == null || after[1] <= before[1]) {
			return Double.NaN;
		}
		return (double) (after[0] - before[0]) / (after[1] - before[1]);
	}

}

package io.github.natsjetstream.benchmarks.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How the benchmarks drive a consumer run as a process of its own, over standard input
 * and output: the process prints {@code BENCH READY} once set up and its JIT compilers are
 * idle, starts consuming when it reads {@code GO}, prints {@code BENCH RESULT ...} (and
 * {@code BENCH BUSY ...} for each busy thread) once every message was handled, and closes
 * when it reads {@code EXIT} or its input ends. The figures are its own: wall time, CPU
 * time of the process, bytes allocated by its threads, collections and JIT time between
 * {@code GO} and the last message.
 * <p>
 * The same class is in the user application (benchmarks/user-app,
 * {@code io.github.natsjetstream.benchmarks.app}); keep both alike.
 */
final class BenchmarkControl {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final Duration COMPILATION_QUIET_TIMEOUT = Duration.ofSeconds(15);

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private BenchmarkControl() {
	}

	/**
	 * Run the protocol.
	 * @param start starts consuming
	 * @param await waits until every message was handled, returns how many were
	 * @param close closes what consumes
	 */
	static void run(Start start, Await await, Runnable close) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		awaitCompilationQuiet();
		System.out.println("BENCH READY");
		System.out.flush();
		String command = in.readLine();
		if (!"GO".equals(command)) {
			close.run();
			System.exit(1);
		}
		long jitBefore = compilationMillis();
		long gcBefore = gcCount();
		Map<Long, Long> allocatedBefore = allocatedByThread();
		Map<String, Long> cpuBefore = cpuByThread();
		long processCpuBefore = processCpuNanos();
		long started = System.nanoTime();
		start.run();
		long handled = await.await(TIMEOUT);
		long nanos = System.nanoTime() - started;
		long processCpu = processCpuNanos() - processCpuBefore;
		Map<Long, Long> allocatedAfter = allocatedByThread();
		Map<String, Long> cpuAfter = cpuByThread();
		long allocated = 0;
		for (Map.Entry<Long, Long> entry : allocatedAfter.entrySet()) {
			allocated += entry.getValue() - allocatedBefore.getOrDefault(entry.getKey(), 0L);
		}
		cpuAfter.forEach((name, cpu) -> {
			double share = (double) (cpu - cpuBefore.getOrDefault(name, 0L)) / nanos;
			if (share >= 0.05) {
				System.out.println(String.format(Locale.ROOT, "BENCH BUSY %.3f %s", share, name));
			}
		});
		System.out.println(String.format(Locale.ROOT,
				"BENCH RESULT handled=%d nanos=%d cpuNanos=%d allocated=%d gcs=%d jitMillis=%d", handled, nanos,
				processCpu, allocated, gcCount() - gcBefore, compilationMillis() - jitBefore));
		System.out.flush();
		in.readLine();
		close.run();
		System.exit(0);
	}

	private static void awaitCompilationQuiet() {
		long deadline = System.nanoTime() + COMPILATION_QUIET_TIMEOUT.toNanos();
		long last = compilationMillis();
		int quietPolls = 0;
		while (quietPolls < 2 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
			long now = compilationMillis();
			quietPolls = (now == last) ? quietPolls + 1 : 0;
			last = now;
		}
	}

	private static long compilationMillis() {
		CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
		return (compilation != null && compilation.isCompilationTimeMonitoringSupported())
				? compilation.getTotalCompilationTime() : -1;
	}

	private static long gcCount() {
		long count = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, gc.getCollectionCount());
		}
		return count;
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	private static Map<Long, Long> allocatedByThread() {
		Map<Long, Long> allocated = new HashMap<>();
		if (threads instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
			long[] ids = threads.getAllThreadIds();
			long[] bytes = sun.getThreadAllocatedBytes(ids);
			for (int i = 0; i < ids.length; i++) {
				if (bytes[i] >= 0) {
					allocated.put(ids[i], bytes[i]);
				}
			}
		}
		return allocated;
	}

	private static Map<String, Long> cpuByThread() {
		Map<String, Long> cpu = new HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			long nanos = threads.getThreadCpuTime(id);
			ThreadInfo info = threads.getThreadInfo(id);
			if (nanos >= 0 && info != null) {
				cpu.merge(info.getThreadName(), nanos, Long::sum);
			}
		}
		return cpu;
	}

	/**
	 * Starts consuming.
	 */
	@FunctionalInterface
	interface Start {

		void run() throws Exception;

	}

	/**
	 * Waits until every message was handled.
	 */
	@FunctionalInterface
	interface Await {

		long await(Duration timeout) throws Exception;

	}

}

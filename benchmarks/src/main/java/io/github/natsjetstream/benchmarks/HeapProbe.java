package io.github.natsjetstream.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap figures: used heap after a full collection, peak used heap while a run goes on,
 * and bytes allocated by all threads (so per message) over a run.
 */
final class HeapProbe {

	private static final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private HeapProbe() {
	}

	/**
	 * Return the bytes of the objects alive on the heap, as counted by a class histogram
	 * (which collects garbage first). Unlike the used heap after {@link System#gc()}, this
	 * does not count the allocation buffers (TLABs) that threads take right after the
	 * collection, which are large after a busy phase and would be charged to whatever
	 * threads a context holds.
	 * @return live bytes, or the used heap after collection when no histogram is available
	 */
	static long liveBytes() throws InterruptedException {
		String histogram = histogram(Integer.MAX_VALUE);
		for (String line : histogram.lines().toList()) {
			if (line.startsWith("Total")) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length >= 3) {
					return Long.parseLong(fields[2]);
				}
			}
		}
		return usedAfterGc();
	}

	/**
	 * Collect garbage until the used heap settles, and return it.
	 * @return used heap after collection, in bytes
	 */
	static long usedAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			long now = memory.getHeapMemoryUsage().getUsed();
			if (Math.abs(used - now) < 64 * 1024) {
				return now;
			}
			used = now;
		}
		return used;
	}

	/**
	 * Return the top of a class histogram of the heap (what {@code jcmd GC.class_histogram}
	 * prints).
	 * @param lines how many lines
	 * @return the histogram
	 */
	static String histogram(int lines) {
		try {
			Object result = ManagementFactory.getPlatformMBeanServer()
				.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
						"gcClassHistogram", new Object[] { null }, new String[] { String[].class.getName() });
			List<String> all = ((String) result).lines().toList();
			if (all.size() - 3 <= lines) {
				return String.join("\n", all);
			}
			return String.join("\n", all.subList(0, lines + 3)) + "\n...\n" + all.get(all.size() - 1);
		}
		catch (Exception ex) {
			return "(no histogram: " + ex + ")";
		}
	}

	static long used() {
		return memory.getHeapMemoryUsage().getUsed();
	}

	static int liveThreads() {
		return threads.getThreadCount();
	}

	static long gcCount() {
		long count = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, gc.getCollectionCount());
		}
		return count;
	}

	/**
	 * Bytes allocated so far by each live thread.
	 * @return allocated bytes by thread id
	 */
	static Map<Long, Long> allocatedByThread() {
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

	/**
	 * Bytes allocated between two snapshots by the threads alive at the second (threads
	 * started in between count from zero; threads that ended in between are missed, so take
	 * the second snapshot before stopping what ran).
	 * @param before the first snapshot
	 * @param after the second snapshot
	 * @return allocated bytes
	 */
	static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
		long total = 0;
		for (Map.Entry<Long, Long> entry : after.entrySet()) {
			total += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
		}
		return total;
	}

	/**
	 * CPU time used so far by this process, all threads.
	 * @return nanoseconds, or -1 when unknown
	 */
	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	/**
	 * CPU time used so far by each live thread.
	 * @return nanoseconds by thread name (names are unique enough here: the benchmark's
	 * threads and those of jnats and the containers carry distinct names)
	 */
	static Map<String, Long> cpuByThread() {
		Map<String, Long> cpu = new HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			long nanos = threads.getThreadCpuTime(id);
			java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
			if (nanos >= 0 && info != null) {
				cpu.merge(info.getThreadName(), nanos, Long::sum);
			}
		}
		return cpu;
	}

	/**
	 * Samples the used heap every few milliseconds until closed, keeping the peak.
	 */
	static final class PeakSampler implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong peak = new AtomicLong();

		private final Thread thread;

		PeakSampler() {
			this.thread = new Thread(this::sample, "bench-heap-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		private void sample() {
			while (this.running.get()) {
				this.peak.accumulateAndGet(used(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long peak() {
			return this.peak.get();
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
			this.peak.accumulateAndGet(used(), Math::max);
		}

	}

}

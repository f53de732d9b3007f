package io.github.natsjetstream.benchmarks;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * This process's and the machine's counters at one moment, read before and after a timed
 * part: {@link #since} tells what the part used.
 *
 * @param compilationMillis the JIT compilers' time so far
 * @param collections the garbage collections so far
 * @param allocatedByThread bytes allocated so far, by live thread id
 * @param cpuByThread CPU time so far, by live thread name
 * @param processCpuNanos this process's CPU time so far
 * @param serverCpuNanos the nats-server's CPU time so far, or a negative value when
 * unknown
 * @param ticks the machine's CPU ticks, or {@code null} when unknown
 */
record MachineReading(long compilationMillis, long collections, Map<Long, Long> allocatedByThread,
		Map<String, Long> cpuByThread, long processCpuNanos, long serverCpuNanos, long @Nullable [] ticks) {

	/**
	 * Read the counters now.
	 * @return the reading
	 */
	static MachineReading take() {
		return new MachineReading(MachineProbe.compilationMillis(), HeapProbe.gcCount(), HeapProbe.allocatedByThread(),
				HeapProbe.cpuByThread(), HeapProbe.processCpuNanos(), MachineProbe.serverCpuNanos(),
				MachineProbe.machineTicks());
	}

	/**
	 * Return what was used between an earlier reading and this one.
	 * @param before the earlier reading
	 * @return what was used
	 */
	Usage since(MachineReading before) {
		Map<String, Long> cpu = new TreeMap<>();
		this.cpuByThread.forEach(
				(name, nanos) -> cpu.put(name, nanos - before.cpuByThread.getOrDefault(name, 0L)));
		boolean serverKnown = before.serverCpuNanos >= 0 && this.serverCpuNanos >= 0;
		return new Usage(this.compilationMillis - before.compilationMillis, this.collections - before.collections,
				HeapProbe.allocatedBetween(before.allocatedByThread, this.allocatedByThread), cpu,
				this.processCpuNanos - before.processCpuNanos,
				serverKnown ? this.serverCpuNanos - before.serverCpuNanos : -1,
				MachineProbe.idleShare(before.ticks, this.ticks));
	}

	/**
	 * What a timed part used.
	 *
	 * @param compilationMillis the JIT compilers' time
	 * @param collections the garbage collections
	 * @param allocatedBytes the bytes allocated by the threads alive at both readings
	 * @param cpuByThread CPU time by thread name
	 * @param processCpuNanos this process's CPU time
	 * @param serverCpuNanos the nats-server's CPU time, or -1 when unknown
	 * @param idleShare the share of the machine's CPU time left idle
	 */
	record Usage(long compilationMillis, long collections, long allocatedBytes, Map<String, Long> cpuByThread,
			long processCpuNanos, long serverCpuNanos, double idleShare) {

		/**
		 * Return the threads busy for at least a twentieth of the time, with their share
		 * of it.
		 * @param cpuByThread CPU time by thread name
		 * @param elapsedNanos the time
		 * @return the busy threads' shares, rounded to a thousandth
		 */
		static Map<String, Double> busyThreads(Map<String, Long> cpuByThread, long elapsedNanos) {
			Map<String, Double> busy = new TreeMap<>();
			cpuByThread.forEach((name, nanos) -> {
				double share = (double) nanos / elapsedNanos;
				if (share >= 0.05) {
					busy.put(name, Math.round(share * 1000) / 1000.0);
				}
			});
			return busy;
		}

	}

}

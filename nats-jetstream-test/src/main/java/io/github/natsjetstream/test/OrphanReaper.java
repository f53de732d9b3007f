package io.github.natsjetstream.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the {@code nats-server} processes that are still running when the JVM exits, for
 * example because a test forgot to close its server or the test run was interrupted, so that
 * no server outlives the build.
 */
final class OrphanReaper {

	private static final Set<ProcessHandle> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(OrphanReaper::killAll, "nats-server-reaper"));
	}

	private OrphanReaper() {
	}

	/**
	 * Tracks a started server process.
	 * @param process the process
	 */
	static void track(ProcessHandle process) {
		RUNNING.add(process);
	}

	/**
	 * Stops tracking a process that has been stopped.
	 * @param process the process
	 */
	static void release(ProcessHandle process) {
		RUNNING.remove(process);
	}

	private static void killAll() {
		for (ProcessHandle process : RUNNING) {
			process.destroyForcibly();
		}
	}

}

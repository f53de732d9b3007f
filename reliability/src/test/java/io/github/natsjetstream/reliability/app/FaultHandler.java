package io.github.natsjetstream.reliability.app;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.github.natsjetstream.annotation.NatsHandler;

/**
 * Handles the suite's messages: each carries its id as the payload. The handler records
 * the start, works for the time the test chose (simulated work: it parks the thread), and
 * records the end before it returns, so before the starter acknowledges the message. A
 * message acknowledged to the server has therefore always been recorded as handled.
 */
public class FaultHandler {

	/** The stream the suite publishes to. */
	public static final String STREAM = "FAULTS";

	/** The durable consumer of the handler, shared by every instance. */
	public static final String DURABLE = "faults";

	private final HandledRecorder recorder;

	private final FaultProperties.Work work;

	FaultHandler(HandledRecorder recorder, FaultProperties.Work work) {
		this.recorder = recorder;
		this.work = work;
	}

	@NatsHandler(value = "faults.>", id = DURABLE, durable = DURABLE)
	void on(String payload) {
		long id = Long.parseLong(payload);
		long start = System.currentTimeMillis();
		this.recorder.started(id, start);
		work(this.work.durationOf(id));
		this.recorder.handled(id, start, System.currentTimeMillis());
	}

	private static void work(Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

}

package io.github.natsjetstream.benchmarks;

import java.util.Locale;

/**
 * Hands out the subjects of the scale case's handlers in turn: handler {@code n} consumes
 * {@code scale.s<n % streams>.h<n>} of stream {@code SCALE_<n % streams>}. The busy
 * handler has a stream of its own, {@code SCALE_BUSY} ({@code scale.busy.>}).
 */
public final class ScaleSubjects {

	/** How many streams the handlers spread over. */
	static final int STREAMS = 20;

	/** The busy handler's stream. */
	static final String BUSY_STREAM = "SCALE_BUSY";

	/** The prefix of the busy handler's subjects, {@code scale.busy.r0} to {@code .r9}. */
	static final String BUSY_PREFIX = "scale.busy";

	private int next;

	/**
	 * Return the next handler's subject.
	 * @return the subject
	 */
	public synchronized String next() {
		int n = this.next++;
		return String.format(Locale.ROOT, "scale.s%02d.h%04d", n % STREAMS, n);
	}

	static String stream(int index) {
		return String.format(Locale.ROOT, "SCALE_%02d", index);
	}

	static String streamSubjects(int index) {
		return String.format(Locale.ROOT, "scale.s%02d.>", index);
	}

}

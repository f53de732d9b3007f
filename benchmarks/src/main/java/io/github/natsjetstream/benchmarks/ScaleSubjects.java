package io.github.natsjetstream.benchmarks;

import java.util.Locale;

/**
 * Hands out the subjects of the scale case's handlers in turn: handler {@code n} consumes
 * {@code scale.s<n % streams>.h<n>} of stream {@code SCALE_<n % streams>}. The busy
 * handler has a stream of its own, named by the application's busy key
 * ({@code scale.busy}): {@code SCALE_BUSY_<key>} ({@code scale.busy.<key>.>}), so that
 * two applications can run side by side, each with its own busy handler.
 */
public final class ScaleSubjects {

	/** How many streams the handlers spread over. */
	static final int STREAMS = 20;

	/** The busy key of the applications measured (the one beside them has its own). */
	static final String MEASURED_BUSY_KEY = "m";

	private int next;

	/**
	 * Return the next handler's subject.
	 * @return the subject
	 */
	public synchronized String next() {
		int n = this.next++;
		return String.format(Locale.ROOT, "scale.s%02d.h%04d", n % STREAMS, n);
	}

	/**
	 * Return the stream of the busy handler of the applications with this busy key.
	 * @param key the busy key
	 * @return the stream's name
	 */
	static String busyStream(String key) {
		return "SCALE_BUSY_" + key.toUpperCase(Locale.ROOT);
	}

	/**
	 * Return the prefix of the busy handler's subjects, {@code <prefix>.r0} to
	 * {@code .r9}, of the applications with this busy key.
	 * @param key the busy key
	 * @return the prefix
	 */
	static String busyPrefix(String key) {
		return "scale.busy." + key;
	}

	static String stream(int index) {
		return String.format(Locale.ROOT, "SCALE_%02d", index);
	}

	static String streamSubjects(int index) {
		return String.format(Locale.ROOT, "scale.s%02d.>", index);
	}

}

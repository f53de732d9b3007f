package io.github.natsjetstream.benchmarks;

import java.util.Locale;

/**
 * Hands out the subjects of the scale case's handlers in turn: handler {@code n} consumes
 * {@code scale.s<n % streams>.h<n>} of stream {@code SCALE_<n % streams>}.
 */
public final class ScaleSubjects {

	/** How many streams the handlers spread over. */
	static final int STREAMS = 20;

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

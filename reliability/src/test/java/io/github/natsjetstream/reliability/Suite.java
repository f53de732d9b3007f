package io.github.natsjetstream.reliability;

/**
 * Which suite runs: {@code fast} (the default, in {@code ./mvnw verify}) or {@code full}
 * (the {@code reliability} profile), from the system property {@value #PROPERTY} that the
 * module's pom passes on.
 */
final class Suite {

	static final String PROPERTY = "reliability.suite";

	private Suite() {
	}

	static String name() {
		return System.getProperty(PROPERTY, "fast");
	}

	static boolean full() {
		return "full".equals(name());
	}

	/**
	 * Return the number of messages of a scenario in the running suite.
	 * @param fast the number in the fast suite
	 * @param full the number in the full suite
	 * @return the number
	 */
	static int messages(int fast, int full) {
		return full() ? full : fast;
	}

}

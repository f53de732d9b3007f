package io.github.natsjetstream.annotation;

import java.util.regex.Pattern;

/**
 * Durable consumer names: what JetStream accepts, and turning any text into such a name.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class DurableNames {

	private static final Pattern ILLEGAL = Pattern.compile("[\\s.*>/\\\\]");

	private static final Pattern NOT_PORTABLE = Pattern.compile("[^A-Za-z0-9_-]");

	private DurableNames() {
	}

	/**
	 * Return whether JetStream accepts the name as a durable name.
	 * @param name the name
	 * @return whether it is valid
	 */
	static boolean isValid(String name) {
		return !name.isEmpty() && !ILLEGAL.matcher(name).find();
	}

	/**
	 * Turn text into a durable name of letters, digits, '-' and '_' only.
	 * @param text the text
	 * @return the durable name
	 */
	static String sanitize(String text) {
		return NOT_PORTABLE.matcher(text).replaceAll("_");
	}

}

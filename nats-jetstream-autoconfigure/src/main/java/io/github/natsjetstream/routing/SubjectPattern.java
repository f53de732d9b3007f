package io.github.natsjetstream.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A NATS subject pattern: dot-separated tokens where a token that is exactly {@code *}
 * matches any one token and a last token that is exactly {@code >} matches one or more
 * tokens. Any other token is a literal, as on the server (so {@code ord*} is the literal
 * token {@code ord*}).
 * <p>
 * Patterns are validated when created: no empty tokens (so no leading, trailing or
 * doubled dots), no whitespace, and {@code >} only as the last token.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class SubjectPattern {

	private static final String SINGLE = "*";

	private static final String MULTIPLE = ">";

	private final String pattern;

	private final List<String> tokens;

	private SubjectPattern(String pattern, List<String> tokens) {
		this.pattern = pattern;
		this.tokens = tokens;
	}

	/**
	 * Parse and validate a subject pattern.
	 * @param pattern the pattern, for example {@code orders.*.created} or {@code orders.>}
	 * @return the subject pattern
	 * @throws IllegalArgumentException if the pattern is not a valid subject pattern; the
	 * message names the pattern and what is wrong with it
	 */
	public static SubjectPattern of(String pattern) {
		Assert.notNull(pattern, "'pattern' must not be null");
		String problem = findProblem(pattern);
		if (problem != null) {
			throw new IllegalArgumentException("Invalid subject pattern '" + pattern + "': " + problem);
		}
		return new SubjectPattern(pattern, List.of(pattern.split("\\.", -1)));
	}

	/**
	 * Return whether the given text is a valid subject pattern.
	 * @param pattern the text to check
	 * @return whether {@link #of(String)} would accept it
	 */
	public static boolean isValid(@Nullable String pattern) {
		return pattern != null && findProblem(pattern) == null;
	}

	private static @Nullable String findProblem(String pattern) {
		if (pattern.isEmpty()) {
			return "it is empty";
		}
		for (int i = 0; i < pattern.length(); i++) {
			char ch = pattern.charAt(i);
			if (Character.isWhitespace(ch)) {
				return "it contains whitespace at index " + i;
			}
		}
		String[] tokens = pattern.split("\\.", -1);
		for (int i = 0; i < tokens.length; i++) {
			if (tokens[i].isEmpty()) {
				return "token " + (i + 1) + " is empty (leading, trailing or doubled '.')";
			}
			if (MULTIPLE.equals(tokens[i]) && i != tokens.length - 1) {
				return "'>' may only be the last token, but it is token " + (i + 1) + " of " + tokens.length;
			}
		}
		return null;
	}

	/**
	 * Return whether at least one subject matches both this pattern and the given one;
	 * for example {@code orders.*} and {@code *.created} overlap on
	 * {@code orders.created}, while {@code orders.>} and {@code orders} do not overlap,
	 * since {@code >} matches one or more tokens.
	 * @param other the other pattern
	 * @return whether the two patterns overlap
	 */
	public boolean overlaps(SubjectPattern other) {
		Assert.notNull(other, "'other' must not be null");
		List<String> mine = this.tokens;
		List<String> theirs = other.tokens;
		int common = Math.min(mine.size(), theirs.size());
		for (int i = 0; i < common; i++) {
			String left = mine.get(i);
			String right = theirs.get(i);
			if (MULTIPLE.equals(left) || MULTIPLE.equals(right)) {
				return true;
			}
			if (!SINGLE.equals(left) && !SINGLE.equals(right) && !left.equals(right)) {
				return false;
			}
		}
		return mine.size() == theirs.size();
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof SubjectPattern other) && this.pattern.equals(other.pattern);
	}

	@Override
	public int hashCode() {
		return this.pattern.hashCode();
	}

	/**
	 * Return the pattern as text.
	 * @return the pattern
	 */
	@Override
	public String toString() {
		return this.pattern;
	}

}

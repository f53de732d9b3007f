package io.github.natsjetstream.routing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SubjectPatternTests {

	@ParameterizedTest
	@ValueSource(strings = { "orders", "orders.created", "orders.*", "orders.>", "*", ">", "*.*.>", "orders.*.created",
			"ord*rs", "orders.a>b", "$JS.API.STREAM.INFO.ORDERS", "_INBOX.abc", "orders-eu.created_1" })
	void validPatternsAreAccepted(String pattern) {
		SubjectPattern subjectPattern = SubjectPattern.of(pattern);
		assertThat(subjectPattern).hasToString(pattern);
		assertThat(SubjectPattern.isValid(pattern)).isTrue();
	}

	@Test
	void emptyPatternIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SubjectPattern.of(""))
			.withMessage("Invalid subject pattern '': it is empty");
	}

	@Test
	void doubledDotIsRejectedNamingTheEmptyToken() {
		assertThatIllegalArgumentException().isThrownBy(() -> SubjectPattern.of("orders..x"))
			.withMessage("Invalid subject pattern 'orders..x': token 2 is empty (leading, trailing or doubled '.')");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".orders", "orders.", ".", "a..b.", "orders.*." })
	void leadingOrTrailingDotIsRejected(String pattern) {
		assertThatIllegalArgumentException().isThrownBy(() -> SubjectPattern.of(pattern))
			.withMessageStartingWith("Invalid subject pattern '" + pattern + "': token ")
			.withMessageContaining("is empty");
	}

	@Test
	void fullWildcardBeforeTheLastTokenIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SubjectPattern.of("orders.>.x"))
			.withMessage(
					"Invalid subject pattern 'orders.>.x': '>' may only be the last token, but it is token 2 of 3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "orders created", " orders", "orders ", "orders.\tcreated", "orders\n", "a.b\r.c" })
	void whitespaceIsRejected(String pattern) {
		assertThatIllegalArgumentException().isThrownBy(() -> SubjectPattern.of(pattern))
			.withMessageStartingWith("Invalid subject pattern '" + pattern + "': it contains whitespace at index ");
		assertThat(SubjectPattern.isValid(pattern)).isFalse();
	}

	@Test
	void nullIsNotValid() {
		assertThat(SubjectPattern.isValid(null)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "orders.created, orders.created, true", "orders.created, orders.updated, false",
			"orders.*, orders.created, true", "orders.*, orders.eu.created, false", "orders.*, orders, false",
			"orders.>, orders.created, true", "orders.>, orders.eu.created, true", "orders.>, orders, false",
			"*.created, orders.created, true", "*, orders, true", "*, orders.created, false", ">, orders, true",
			">, a.b.c.d, true", "*.*.>, a.b.c, true", "*.*.>, a.b, false", "ord*rs, orders, false",
			"ord*rs, ord*rs, true" })
	void matchesFollowsNatsWildcardRules(String pattern, String subject, boolean matches) {
		assertThat(SubjectPattern.of(pattern).overlaps(SubjectPattern.of(subject))).isEqualTo(matches);
	}

	@ParameterizedTest
	@CsvSource({ "orders.>, orders.created, true", "orders.>, orders, false", "orders.*, *.created, true",
			"orders.*, orders.*.x, false", "orders.>, orders.*.x, true", "a.*.c, a.b.*, true", "a.*.c, a.b.d, false",
			">, x, true", "*, x.y, false", "orders.eu, orders.us, false", "orders.>, payments.>, false",
			"orders.*.>, orders.eu, false", "orders.*.>, orders.eu.x, true" })
	void overlapsIsTrueWhenOneSubjectMatchesBoth(String left, String right, boolean overlaps) {
		assertThat(SubjectPattern.of(left).overlaps(SubjectPattern.of(right))).isEqualTo(overlaps);
		assertThat(SubjectPattern.of(right).overlaps(SubjectPattern.of(left))).isEqualTo(overlaps);
	}

	@Test
	void overlapsAgreesWithBruteForceOverEveryPatternOfUpToThreeTokens() {
		List<String> patterns = patterns(List.of("a", "b", "*", ">"), 3);
		List<String> subjects = patterns(List.of("a", "b", "c"), 4);
		for (String left : patterns) {
			for (String right : patterns) {
				boolean expected = subjects.stream()
					.anyMatch((subject) -> bruteForceMatches(left, subject) && bruteForceMatches(right, subject));
				assertThat(SubjectPattern.of(left).overlaps(SubjectPattern.of(right)))
					.as("'%s' overlaps '%s'", left, right)
					.isEqualTo(expected);
			}
			for (String subject : subjects) {
				assertThat(SubjectPattern.of(left).overlaps(SubjectPattern.of(subject))).as("'%s' matches '%s'", left, subject)
					.isEqualTo(bruteForceMatches(left, subject));
			}
		}
	}

	@Test
	void equalityIsByPatternText() {
		assertThat(SubjectPattern.of("orders.*")).isEqualTo(SubjectPattern.of("orders.*"))
			.hasSameHashCodeAs(SubjectPattern.of("orders.*"))
			.isNotEqualTo(SubjectPattern.of("orders.>"));
	}

	private static List<String> patterns(List<String> alphabet, int maxTokens) {
		List<String> result = new ArrayList<>();
		List<String> previous = List.of("");
		for (int length = 1; length <= maxTokens; length++) {
			List<String> current = new ArrayList<>();
			for (String prefix : previous) {
				if (prefix.endsWith(">")) {
					continue;
				}
				for (String token : alphabet) {
					current.add(prefix.isEmpty() ? token : prefix + "." + token);
				}
			}
			result.addAll(current);
			previous = current;
		}
		return result;
	}

	private static boolean bruteForceMatches(String pattern, String subject) {
		return bruteForceMatches(pattern.split("\\."), 0, subject.split("\\."), 0);
	}

	private static boolean bruteForceMatches(String[] pattern, int p, String[] subject, int s) {
		if (p == pattern.length) {
			return s == subject.length;
		}
		if (pattern[p].equals(">")) {
			return s < subject.length;
		}
		if (s == subject.length) {
			return false;
		}
		return (pattern[p].equals("*") || pattern[p].equals(subject[s]))
				&& bruteForceMatches(pattern, p + 1, subject, s + 1);
	}

}

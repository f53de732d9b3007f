package io.github.natsjetstream.retry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DeadLetterSubjectTemplate}.
 */
class DeadLetterSubjectTemplateTests {

	private static final String PROPERTY = "nats.jetstream.dead-letter.subject";

	@Test
	void resolveReplacesStreamAndDurable() {
		DeadLetterSubjectTemplate template = DeadLetterSubjectTemplate.parse("dlq.{stream}.{durable}", PROPERTY);
		assertThat(template.resolve("ORDERS", "shop-orders")).isEqualTo("dlq.ORDERS.shop-orders");
	}

	@Test
	void resolveKeepsASubjectWithoutPlaceholders() {
		assertThat(DeadLetterSubjectTemplate.parse("dead.orders", PROPERTY).resolve("ORDERS", "shop"))
			.isEqualTo("dead.orders");
	}

	@Test
	void resolveReplacesAPlaceholderWithinAToken() {
		assertThat(DeadLetterSubjectTemplate.parse("dlq.{stream}-{durable}.{stream}", PROPERTY).resolve("S", "d"))
			.isEqualTo("dlq.S-d.S");
	}

	@Test
	void unknownPlaceholderNamesTheOriginThePlaceholderAndTheAllowedOnes() {
		assertThatExceptionOfType(InvalidDeadLetterSubjectException.class)
			.isThrownBy(() -> DeadLetterSubjectTemplate.parse("dlq.{nope}.{durable}", PROPERTY))
			.withMessage("Invalid dead-letter subject 'dlq.{nope}.{durable}' in nats.jetstream.dead-letter.subject: "
					+ "unknown placeholder {nope}; the allowed placeholders are {stream} and {durable}")
			.satisfies((ex) -> {
				assertThat(ex.getOrigin()).isEqualTo(PROPERTY);
				assertThat(ex.getTemplate()).isEqualTo("dlq.{nope}.{durable}");
			});
	}

	@Test
	void placeholdersAreCaseSensitive() {
		assertThatExceptionOfType(InvalidDeadLetterSubjectException.class)
			.isThrownBy(() -> DeadLetterSubjectTemplate.parse("dlq.{Stream}", PROPERTY))
			.withMessageContaining("unknown placeholder {Stream}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			dlq.{stream.x            | a brace does not belong to a placeholder
			dlq.stream}.x            | a brace does not belong to a placeholder
			dlq.{{stream}}           | a brace does not belong to a placeholder
			dlq.{stream}.*           | cannot contain the wildcard '*'
			dlq.>                    | cannot contain the wildcard '>'
			dlq..{durable}           | empty tokens
			.dlq                     | empty tokens
			dlq.                     | empty tokens
			'dlq.{stream} x'         | whitespace
			'   '                    | it is empty
			""")
	void invalidTemplateIsAnErrorThatSaysWhy(String template, String reason) {
		assertThatExceptionOfType(InvalidDeadLetterSubjectException.class)
			.isThrownBy(() -> DeadLetterSubjectTemplate.parse(template, PROPERTY))
			.withMessageStartingWith("Invalid dead-letter subject '" + template + "' in " + PROPERTY + ": ")
			.withMessageContaining(reason);
	}

}

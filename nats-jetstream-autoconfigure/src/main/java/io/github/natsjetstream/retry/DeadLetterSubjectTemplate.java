package io.github.natsjetstream.retry;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The subject that the dead letters of a consumer are published to, with the
 * placeholders {@value #STREAM} (the original stream) and {@value #DURABLE} (the
 * consumer's durable name), for instance {@code dlq.{stream}.{durable}}. Parsing checks
 * the template once, at startup: an unknown placeholder, a stray brace, a wildcard or an
 * empty token is an {@link InvalidDeadLetterSubjectException} that names where the
 * template comes from.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class DeadLetterSubjectTemplate {

	/**
	 * Placeholder for the name of the original stream.
	 */
	public static final String STREAM = "{stream}";

	/**
	 * Placeholder for the durable name of the consumer.
	 */
	public static final String DURABLE = "{durable}";

	private static final List<String> PLACEHOLDERS = List.of(STREAM, DURABLE);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

	private final String template;

	private DeadLetterSubjectTemplate(String template) {
		this.template = template;
	}

	/**
	 * Parse a dead-letter subject template.
	 * @param template the template, for instance {@code dlq.{stream}.{durable}}
	 * @param origin where the template comes from, as the user wrote it, for instance
	 * {@code nats.jetstream.dead-letter.subject} or
	 * {@code @NatsHandler(deadLetter) of OrderHandlers.onCreated}
	 * @return the template
	 * @throws InvalidDeadLetterSubjectException if the template cannot give a subject to
	 * publish to
	 */
	public static DeadLetterSubjectTemplate parse(String template, String origin) {
		Assert.notNull(template, "'template' must not be null");
		Assert.hasText(origin, "'origin' must not be empty");
		if (template.isBlank()) {
			throw new InvalidDeadLetterSubjectException(origin, template, "it is empty");
		}
		Matcher placeholders = PLACEHOLDER.matcher(template);
		while (placeholders.find()) {
			if (!PLACEHOLDERS.contains(placeholders.group())) {
				throw new InvalidDeadLetterSubjectException(origin, template,
						"unknown placeholder " + placeholders.group() + "; the allowed placeholders are " + STREAM
								+ " and " + DURABLE);
			}
		}
		String literal = placeholders.replaceAll("x");
		if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
			throw new InvalidDeadLetterSubjectException(origin, template,
					"a brace does not belong to a placeholder; the allowed placeholders are " + STREAM + " and "
							+ DURABLE);
		}
		if (literal.chars().anyMatch(Character::isWhitespace)) {
			throw new InvalidDeadLetterSubjectException(origin, template, "a subject cannot contain whitespace");
		}
		for (String token : literal.split("\\.", -1)) {
			if (token.isEmpty()) {
				throw new InvalidDeadLetterSubjectException(origin, template, "a subject cannot have empty tokens");
			}
			if (token.equals("*") || token.equals(">")) {
				throw new InvalidDeadLetterSubjectException(origin, template,
						"dead letters are published to it, so it cannot contain the wildcard '" + token + "'");
			}
		}
		return new DeadLetterSubjectTemplate(template);
	}

	/**
	 * Return the subject for the dead letters of a consumer.
	 * @param stream the original stream
	 * @param durable the consumer's durable name
	 * @return the subject
	 */
	public String resolve(String stream, String durable) {
		return this.template.replace(STREAM, stream).replace(DURABLE, durable);
	}

	/**
	 * Return the template as written.
	 * @return the template
	 */
	public String getTemplate() {
		return this.template;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other)
				|| (other instanceof DeadLetterSubjectTemplate that && this.template.equals(that.template));
	}

	@Override
	public int hashCode() {
		return this.template.hashCode();
	}

	@Override
	public String toString() {
		return this.template;
	}

}

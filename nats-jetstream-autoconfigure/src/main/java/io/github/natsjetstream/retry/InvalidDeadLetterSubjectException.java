package io.github.natsjetstream.retry;

import io.github.natsjetstream.support.NatsJetStreamException;

/**
 * Thrown at startup when a dead-letter subject cannot be published to. The message
 * names where the subject comes from, the subject as written, and what is wrong.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see DeadLetterSubjectTemplate
 */
public class InvalidDeadLetterSubjectException extends NatsJetStreamException {

	private final String origin;

	private final String template;

	private final String reason;

	/**
	 * Create a new instance.
	 * @param origin where the subject comes from, as the user wrote it
	 * @param template the subject as written
	 * @param reason what is wrong with it
	 */
	public InvalidDeadLetterSubjectException(String origin, String template, String reason) {
		super("Invalid dead-letter subject '" + template + "' in " + origin + ": " + reason);
		this.origin = origin;
		this.template = template;
		this.reason = reason;
	}

	/**
	 * Return where the subject comes from, as the user wrote it, for instance a property
	 * name.
	 * @return the origin
	 */
	public String getOrigin() {
		return this.origin;
	}

	/**
	 * Return the subject as written.
	 * @return the template
	 */
	public String getTemplate() {
		return this.template;
	}

	/**
	 * Return what is wrong with the subject.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}

package io.github.natsjetstream.retry;

/**
 * Why a message was dead-lettered; the value of the {@code Dlq-Reason} header.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum DeadLetterReason {

	/**
	 * The handler failed on every one of the allowed deliveries.
	 */
	MAX_DELIVER("max-deliver"),

	/**
	 * The handler threw an exception that is not retried.
	 */
	NON_RETRYABLE("non-retryable"),

	/**
	 * The payload could not be converted to the handler's parameter type.
	 */
	CONVERSION("conversion"),

	/**
	 * The converted payload failed validation.
	 */
	VALIDATION("validation"),

	/**
	 * No route of a class-level handler matched the subject.
	 */
	NO_ROUTE("no-route");

	private final String value;

	DeadLetterReason(String value) {
		this.value = value;
	}

	/**
	 * Return the header value.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

}

package io.github.natsjetstream.observation;

/**
 * How the handling of one delivery of a message ended: the {@code outcome} of the
 * {@code nats.handler} observation.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum NatsHandlerOutcome {

	/**
	 * The handler returned and the message was acknowledged.
	 */
	ACK("ack"),

	/**
	 * The handler failed and the message is redelivered after its backoff delay.
	 */
	RETRY("retry"),

	/**
	 * The message was given up on and dead-lettered: the handler failed with an error
	 * that is not retried or on its last allowed delivery, or the message had been
	 * delivered more often than allowed.
	 */
	DEAD_LETTER("dead-letter"),

	/**
	 * The message could not be settled as decided: its acknowledgement failed, its dead
	 * letter could not be published, or the client failed. The server redelivers it.
	 */
	ERROR("error");

	private final String value;

	NatsHandlerOutcome(String value) {
		this.value = value;
	}

	/**
	 * Return the value of the {@code outcome} key.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

}

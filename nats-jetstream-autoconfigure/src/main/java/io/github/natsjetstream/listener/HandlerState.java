package io.github.natsjetstream.listener;

import java.util.Locale;

/**
 * Whether a handler runs, is paused or is stopped.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum HandlerState {

	/**
	 * The handler's workers pull and handle messages.
	 */
	RUNNING,

	/**
	 * The handler is paused here, or its consumer is paused on the server; its durable
	 * stays.
	 */
	PAUSED,

	/**
	 * The handler was never started or was stopped.
	 */
	STOPPED;

	/**
	 * Return the state as it is shown and requested, for example {@code paused}.
	 * @return the value
	 */
	public String getValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}

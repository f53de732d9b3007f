package io.github.natsjetstream.config;

import java.util.Locale;

/**
 * How the instances of an application share a handler's consumer (JetStream priority
 * groups, nats-server 2.11 and later).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum PriorityPolicySetting {

	/**
	 * Every instance pulls; the server spreads the messages over them.
	 */
	NONE,

	/**
	 * One instance at a time gets the messages: the server pins the first one that pulls
	 * and moves the pin to another when the pinned one stops (it unpins at once) or stops
	 * pulling for longer than the pin timeout. With a concurrency of 1, messages are
	 * handled in order across the fleet.
	 */
	PINNED_CLIENT,

	/**
	 * Instances given an overflow threshold are standbys: they get messages only while
	 * more than the threshold are pending.
	 */
	OVERFLOW;

	/**
	 * Parse a priority policy: {@code none}, {@code pinned-client} or {@code overflow}.
	 * @param value the text
	 * @return the policy
	 * @throws IllegalArgumentException naming the allowed values when the text is not one
	 */
	public static PriorityPolicySetting of(String value) {
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (PriorityPolicySetting policy : values()) {
			if (policy.name().equals(name)) {
				return policy;
			}
		}
		throw new IllegalArgumentException(
				"'" + value + "' is not a priority policy: expected none, pinned-client or overflow");
	}

}

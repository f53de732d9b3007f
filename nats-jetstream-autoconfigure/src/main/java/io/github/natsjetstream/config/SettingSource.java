package io.github.natsjetstream.config;

import java.util.Locale;

/**
 * Where the resolved value of a handler setting was declared.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum SettingSource {

	/**
	 * The configuration property {@code nats.jetstream.handlers.<id>.<setting>}.
	 */
	PROPERTY,

	/**
	 * An attribute of the handler's {@code @NatsHandler} annotation.
	 */
	ANNOTATION,

	/**
	 * The defaults: {@code nats.jetstream.consumer-defaults.*} and
	 * {@code nats.jetstream.dead-letter.subject}.
	 */
	DEFAULT;

	/**
	 * Describe where a setting of a handler was declared, for error messages.
	 * @param handlerId the handler id
	 * @param setting the setting's attribute name, for example {@code maxAckPending}
	 * @return the description, for example
	 * {@code property 'nats.jetstream.handlers.orders.max-ack-pending'}
	 */
	public String describe(String handlerId, String setting) {
		return switch (this) {
			case PROPERTY -> "property 'nats.jetstream.handlers." + handlerId + "." + kebab(setting) + "'";
			case ANNOTATION -> "attribute '" + setting + "' of @NatsHandler";
			case DEFAULT -> "the default (" + (setting.equals("deadLetter") ? "'nats.jetstream.dead-letter.subject'"
					: "'nats.jetstream.consumer-defaults." + kebab(setting) + "'") + ")";
		};
	}

	static String kebab(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}

package io.github.natsjetstream.connection;

import io.github.natsjetstream.support.NatsJetStreamException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Thrown before connecting when a connection setting cannot work: a server URL that does
 * not parse, an NKey seed that is no seed, a {@code .creds} file that is missing or holds
 * no credentials, an SSL bundle that does not exist. The message names the setting and the
 * problem, never a secret.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class InvalidConnectionSettingException extends NatsJetStreamException {

	private final String setting;

	private final String action;

	/**
	 * Create a new instance.
	 * @param setting the setting, as the property that holds it (for example
	 * {@code nats.nkey})
	 * @param problem what is wrong with it, without its value if that is a secret
	 * @param action what to do about it
	 * @param cause the underlying exception, if any; its message must hold no secret
	 */
	public InvalidConnectionSettingException(String setting, String problem, String action,
			@Nullable Throwable cause) {
		super("Invalid " + setting + ": " + problem, cause);
		Assert.hasText(setting, "'setting' must not be empty");
		Assert.hasText(action, "'action' must not be empty");
		this.setting = setting;
		this.action = action;
	}

	/**
	 * Return the setting, as the property that holds it.
	 * @return the setting
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * Return what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}

package io.github.natsjetstream.provisioning;

import io.github.natsjetstream.support.NatsJetStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when declared JetStream resources cannot be provisioned: a change JetStream
 * cannot make in place, a resource that is missing or differs in {@code validate}
 * mode, a refusal by the server, no JetStream or no permission for its API. The message
 * names the resource, the cause and the ways out.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class ProvisioningException extends NatsJetStreamException {

	private final boolean fatal;

	/**
	 * Create a new instance.
	 * @param message the detail message
	 */
	public ProvisioningException(String message) {
		this(message, null, false);
	}

	/**
	 * Create a new instance.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public ProvisioningException(String message, @Nullable Throwable cause) {
		this(message, cause, false);
	}

	ProvisioningException(String message, @Nullable Throwable cause, boolean fatal) {
		super(message, cause);
		this.fatal = fatal;
	}

	/**
	 * Return whether the failure concerns the JetStream API as a whole (not enabled,
	 * not permitted, not answering), so that no other resource can be provisioned.
	 * @return whether provisioning must stop
	 */
	boolean isFatal() {
		return this.fatal;
	}

}

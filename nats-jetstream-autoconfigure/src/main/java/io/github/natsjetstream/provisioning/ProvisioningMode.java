package io.github.natsjetstream.provisioning;

/**
 * How declared JetStream resources are applied at startup.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum ProvisioningMode {

	/**
	 * Create missing resources and update changed ones in place; fail on changes that
	 * cannot be made in place.
	 */
	CREATE_OR_UPDATE,

	/**
	 * Write nothing; fail startup when a declared resource is missing or differs.
	 */
	VALIDATE,

	/**
	 * Do nothing.
	 */
	NONE

}

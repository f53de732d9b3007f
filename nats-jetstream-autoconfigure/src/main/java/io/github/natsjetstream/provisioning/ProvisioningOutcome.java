package io.github.natsjetstream.provisioning;

/**
 * What provisioning did to one declared resource.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum ProvisioningOutcome {

	/**
	 * The resource did not exist and was created.
	 */
	CREATED,

	/**
	 * The resource differed from its declaration and was updated in place.
	 */
	UPDATED,

	/**
	 * The resource matched its declaration; nothing was written.
	 */
	UNCHANGED

}

package io.github.natsjetstream.provisioning;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What provisioning did, resource by resource: streams, key-value buckets and the
 * handlers' durable consumers, each with its latest outcome. Filled in by
 * {@link JetStreamProvisioner} once all singletons exist, and kept for inspection (for
 * example by an Actuator endpoint).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ProvisioningReport {

	private final ProvisioningMode mode;

	private final List<ProvisioningResult> results = new CopyOnWriteArrayList<>();

	private volatile boolean complete;

	/**
	 * Create a new, empty report.
	 * @param mode the provisioning mode
	 */
	public ProvisioningReport(ProvisioningMode mode) {
		Assert.notNull(mode, "'mode' must not be null");
		this.mode = mode;
	}

	/**
	 * Return the provisioning mode.
	 * @return the mode
	 */
	public ProvisioningMode getMode() {
		return this.mode;
	}

	/**
	 * Return the results so far, in the order the resources were provisioned.
	 * @return the results
	 */
	public List<ProvisioningResult> getResults() {
		return List.copyOf(this.results);
	}

	/**
	 * Return the result for one resource.
	 * @param type the kind of resource
	 * @param name the name of the resource
	 * @return the result, or {@code null} if the resource has not been provisioned
	 */
	public @Nullable ProvisioningResult getResult(ResourceType type, String name) {
		return this.results.stream()
			.filter((result) -> result.type() == type && result.name().equals(name))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Return whether provisioning has finished successfully.
	 * @return whether every declared resource has been provisioned
	 */
	public boolean isComplete() {
		return this.complete;
	}

	synchronized void add(ProvisioningResult result) {
		Assert.notNull(result, "'result' must not be null");
		this.results.removeIf((existing) -> existing.type() == result.type() && existing.name().equals(result.name()));
		this.results.add(result);
	}

	void markComplete() {
		this.complete = true;
	}

	@Override
	public String toString() {
		return "ProvisioningReport " + this.mode + " " + this.results;
	}

}

package io.github.natsjetstream.provisioning;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * The outcome of provisioning one declared resource.
 *
 * @param type the kind of resource
 * @param name the name of the resource
 * @param outcome what was done
 * @param differences the differences that were applied by an update; empty otherwise
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record ProvisioningResult(ResourceType type, String name, ProvisioningOutcome outcome,
		List<ConfigurationDifference> differences) {

	/**
	 * Create a new instance.
	 * @param type the kind of resource
	 * @param name the name of the resource
	 * @param outcome what was done
	 * @param differences the differences that were applied by an update
	 */
	public ProvisioningResult {
		Assert.notNull(type, "'type' must not be null");
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(outcome, "'outcome' must not be null");
		Assert.notNull(differences, "'differences' must not be null");
		differences = List.copyOf(differences);
	}

	/**
	 * Describe the result, for example
	 * {@code Stream 'ORDERS' updated (max_age: 1h -> 2h)}.
	 * @return the description
	 */
	@Override
	public String toString() {
		String text = this.type.describe(this.name) + " " + this.outcome.name().toLowerCase(Locale.ROOT);
		if (this.differences.isEmpty()) {
			return text;
		}
		return text + this.differences.stream().map(Object::toString).collect(Collectors.joining(", ", " (", ")"));
	}

}

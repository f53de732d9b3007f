package io.github.natsjetstream.provisioning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.natsjetstream.support.ServerFeature;

import org.springframework.util.Assert;

/**
 * Compares the declared fields of a JetStream configuration with the configuration on
 * the server and classifies each difference as updatable in place or not.
 *
 * @param <C> the type of configuration
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ConfigurationDiffer<C> {

	private final Map<String, ConfigurationField<C, ?>> fields;

	/**
	 * Create a new instance.
	 * @param fields the fields that can be compared, in the order to report differences
	 */
	public ConfigurationDiffer(List<ConfigurationField<C, ?>> fields) {
		Assert.notNull(fields, "'fields' must not be null");
		Map<String, ConfigurationField<C, ?>> byName = new LinkedHashMap<>();
		for (ConfigurationField<C, ?> field : fields) {
			Assert.isTrue(byName.put(field.getName(), field) == null,
					() -> "Field '" + field.getName() + "' is defined more than once");
		}
		this.fields = Collections.unmodifiableMap(byName);
	}

	/**
	 * Return the names of all the fields this differ can compare.
	 * @return the field names, in order
	 */
	public Set<String> getFieldNames() {
		return this.fields.keySet();
	}

	/**
	 * Compare the given fields of two configurations.
	 * @param current the configuration on the server
	 * @param wanted the declared configuration
	 * @param declaredFields the names of the fields to compare; the others are ignored
	 * @return the differences, in the order of the fields of this differ; empty if none
	 * @throws IllegalArgumentException if a field name is unknown
	 */
	public List<ConfigurationDifference> compare(C current, C wanted, Collection<String> declaredFields) {
		Assert.notNull(current, "'current' must not be null");
		Assert.notNull(wanted, "'wanted' must not be null");
		assertKnown(declaredFields);
		List<ConfigurationDifference> differences = new ArrayList<>();
		this.fields.forEach((name, field) -> {
			if (declaredFields.contains(name)) {
				ConfigurationDifference difference = field.compare(current, wanted);
				if (difference != null) {
					differences.add(difference);
				}
			}
		});
		return List.copyOf(differences);
	}

	/**
	 * Return the server features that the given fields of a configuration need.
	 * @param configuration the declared configuration
	 * @param declaredFields the names of the fields to look at; the others are ignored
	 * @return the features needed, by field name, in the order of the fields of this
	 * differ; empty if none
	 * @throws IllegalArgumentException if a field name is unknown
	 */
	public Map<String, ServerFeature> requiredFeatures(C configuration, Collection<String> declaredFields) {
		Assert.notNull(configuration, "'configuration' must not be null");
		assertKnown(declaredFields);
		Map<String, ServerFeature> features = new LinkedHashMap<>();
		this.fields.forEach((name, field) -> {
			ServerFeature feature = declaredFields.contains(name) ? field.requiredFeature(configuration) : null;
			if (feature != null) {
				features.put(name, feature);
			}
		});
		return Collections.unmodifiableMap(features);
	}

	private void assertKnown(Collection<String> declaredFields) {
		Assert.notNull(declaredFields, "'declaredFields' must not be null");
		for (String name : declaredFields) {
			Assert.isTrue(this.fields.containsKey(name),
					() -> "Unknown field '" + name + "'; known fields are " + this.fields.keySet());
		}
	}

}

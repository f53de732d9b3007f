package io.github.natsjetstream.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsjetstream.support.ServerFeature;
import org.jspecify.annotations.Nullable;

/**
 * Names the settings of a declaration the way the user wrote them, for error messages:
 * as configuration properties ({@code nats.jetstream.streams.ORDERS.compression}) for a
 * declaration bound from them, otherwise as a setting of the declaration in code
 * ({@code 'compression' of NatsStream 'ORDERS'}).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class SettingNames {

	private final String declaration;

	private final @Nullable String propertyPrefix;

	private final Map<String, String> settings;

	/**
	 * Create a new instance.
	 * @param declaration the declaration in code, for example {@code NatsStream 'ORDERS'}
	 * @param propertyPrefix the prefix of the properties the declaration was bound from,
	 * or {@code null}
	 * @param settings the name of the setting of each field (as in the properties); a
	 * field without one is named as in the JetStream API
	 */
	SettingNames(String declaration, @Nullable String propertyPrefix, Map<String, String> settings) {
		this.declaration = declaration;
		this.propertyPrefix = propertyPrefix;
		this.settings = Map.copyOf(settings);
	}

	String name(String field) {
		String setting = this.settings.getOrDefault(field, field);
		return (this.propertyPrefix != null) ? this.propertyPrefix + "." + setting
				: "'" + setting + "' of " + this.declaration;
	}

	/**
	 * Name the settings that need the given features.
	 * @param features the features needed, by field
	 * @return the features needed, by setting name
	 */
	Map<String, ServerFeature> named(Map<String, ServerFeature> features) {
		Map<String, ServerFeature> named = new LinkedHashMap<>();
		features.forEach((field, feature) -> named.put(name(field), feature));
		return named;
	}

}

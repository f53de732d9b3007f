package io.github.natsjetstream.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata of this project: the properties of every
 * {@code META-INF/spring-configuration-metadata.json} on the classpath whose source type is a
 * class of this project, as the configuration processor generated them (with the
 * additional metadata merged).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ConfigurationMetadata {

	static final String LOCATION = "META-INF/spring-configuration-metadata.json";

	private static final String PROJECT_PACKAGE = "io.github.natsjetstream.";

	private final List<Property> properties;

	private final List<Group> groups;

	private ConfigurationMetadata(List<Property> properties, List<Group> groups) {
		this.properties = properties;
		this.groups = groups;
	}

	/**
	 * Reads the metadata of this project from the classpath.
	 * @param classLoader the class loader to read from
	 * @return the metadata
	 */
	static ConfigurationMetadata load(ClassLoader classLoader) {
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, Property> properties = new TreeMap<>();
		List<Group> groups = new ArrayList<>();
		try {
			for (URL resource : Collections.list(classLoader.getResources(LOCATION))) {
				JsonNode root;
				try (InputStream in = resource.openStream()) {
					root = mapper.readTree(in);
				}
				for (JsonNode group : root.path("groups").values()) {
					String sourceType = group.path("sourceType").asString("");
					if (sourceType.startsWith(PROJECT_PACKAGE)) {
						groups.add(new Group(group.path("name").asString(), group.path("type").asString(""),
								sourceType, group.path("sourceMethod").isMissingNode()));
					}
				}
				for (JsonNode property : root.path("properties").values()) {
					String sourceType = property.path("sourceType").asString("");
					if (sourceType.startsWith(PROJECT_PACKAGE)) {
						String name = property.path("name").asString();
						properties.put(name, new Property(name, property.path("type").asString(""),
								property.path("description").asString(""), sourceType,
								value(property.get("defaultValue"))));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + LOCATION, ex);
		}
		groups.sort(Comparator.comparing(Group::name));
		return new ConfigurationMetadata(List.copyOf(properties.values()), List.copyOf(groups));
	}

	/**
	 * The properties, sorted by name.
	 * @return the properties
	 */
	List<Property> properties() {
		return this.properties;
	}

	/**
	 * The groups, sorted by name.
	 * @return the groups
	 */
	List<Group> groups() {
		return this.groups;
	}

	/**
	 * The property of the given name.
	 * @param name the property name
	 * @return the property, or {@code null}
	 */
	@Nullable Property property(String name) {
		return this.properties.stream().filter((property) -> property.name().equals(name)).findFirst().orElse(null);
	}

	private static @Nullable Object value(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isArray()) {
			List<Object> values = new ArrayList<>();
			node.values().forEach((element) -> values.add(value(element)));
			return values;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		return node.asString();
	}

	/**
	 * A property in the metadata.
	 *
	 * @param name the property name
	 * @param type the type, as the processor writes it
	 *             ({@code java.util.List<java.time.Duration>})
	 * @param description the description; empty when there is none
	 * @param sourceType the class that declares the property
	 * @param defaultValue the default, or {@code null}
	 */
	record Property(String name, String type, String description, String sourceType, @Nullable Object defaultValue) {

	}

	/**
	 * A group in the metadata.
	 *
	 * @param name the group name (the prefix of its properties)
	 * @param type the class that binds the group
	 * @param sourceType the class that declares the group
	 * @param root whether the group is a {@code @ConfigurationProperties} class itself,
	 * rather than one of its nested groups
	 */
	record Group(String name, String type, String sourceType, boolean root) {

	}

}

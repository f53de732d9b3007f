package io.github.natsjetstream.docs;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Renders {@code docs/configuration.md}: every property of the configuration metadata, by
 * section, and the keys of each map-valued property whose values are groups
 * ({@code nats.jetstream.streams.<name>.*}), which have no metadata of their own, from
 * their binding classes.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ConfigurationReference {

	private static final List<Section> SECTIONS = List.of(
			new Section("Connection", "Where and how the application connects.", "nats\\.[a-z-]+|nats\\.ssl\\..+"),
			new Section("JetStream", "Access to the JetStream API, and how long shutdown waits for handlers.",
					"nats\\.jetstream\\.(?!(streams|key-value|handlers)$)[a-z-]+"),
			new Section("Provisioning",
					"The streams and key-value buckets applied at startup ([Provisioning](provisioning.md)).",
					"nats\\.jetstream\\.(provisioning\\..+|streams|key-value)"),
			new Section("Consumer defaults",
					"Settings of every handler's consumer, unless its `@NatsHandler` or "
							+ "`nats.jetstream.handlers.<id>` says otherwise ([Handlers](handlers.md)).",
					"nats\\.jetstream\\.consumer-defaults\\..+"),
			new Section("Handlers", "Settings of one handler, by its id ([Handlers](handlers.md)).",
					"nats\\.jetstream\\.handlers"),
			new Section("Dead letters", "Where failed messages go ([Failure handling](failure-handling.md)).",
					"nats\\.jetstream\\.dead-letter\\..+"),
			new Section("Development server",
					"Of `LocalNatsServerConfiguration` in `nats-jetstream-test` ([Testing](testing.md)).",
					"nats\\.local-server\\..+"),
			new Section("Actuator", "The starter's Actuator endpoints.", "management\\..+"));

	private static final Section OTHER = new Section("Other properties", "Properties no section above covers.", ".*");

	private static final Map<String, MapKeys> MAP_KEYS = Map.of("nats.jetstream.streams",
			new MapKeys("Streams", "<name>", "one entry per stream, by stream name. Unset keys are left to the "
					+ "server's defaults."),
			"nats.jetstream.key-value",
			new MapKeys("Key-value buckets", "<bucket>",
					"one entry per bucket, by bucket name. Unset keys are left to the server's defaults."),
			"nats.jetstream.handlers",
			new MapKeys("Handler overrides", "<id>",
					"one entry per handler, by handler id. An unset key falls back to the `@NatsHandler` "
							+ "attribute, then to `nats.jetstream.consumer-defaults.*`."));

	private static final Pattern QUALIFIED_NAME = Pattern.compile("(?:[A-Za-z_][\\w]*[.$])+([A-Za-z_]\\w*)");

	private final ConfigurationMetadata metadata;

	private final BindableProperties bindableProperties;

	ConfigurationReference(ConfigurationMetadata metadata, BindableProperties bindableProperties) {
		this.metadata = metadata;
		this.bindableProperties = bindableProperties;
	}

	/**
	 * The keys of every map-valued property whose values are groups, by map property.
	 * @return the keys of each such map, in the order of the metadata
	 */
	Map<ConfigurationMetadata.Property, List<BindableProperty>> mapKeys() {
		Map<ConfigurationMetadata.Property, List<BindableProperty>> keys = new LinkedHashMap<>();
		for (ConfigurationMetadata.Property property : this.metadata.properties()) {
			Class<?> values = mapValueGroup(property.type());
			if (values != null) {
				String prefix = property.name() + "." + mapKeysOf(property).placeholder();
				keys.put(property, this.bindableProperties.of(prefix, values));
			}
		}
		return keys;
	}

	/**
	 * Renders the page.
	 * @param regenerate how to regenerate it, for the page's comment
	 * @return the Markdown text
	 */
	String render(String regenerate) {
		Map<Section, List<ConfigurationMetadata.Property>> bySection = new LinkedHashMap<>();
		for (Section section : SECTIONS) {
			bySection.put(section, new ArrayList<>());
		}
		for (ConfigurationMetadata.Property property : this.metadata.properties()) {
			Section section = SECTIONS.stream().filter((candidate) -> candidate.contains(property.name()))
				.findFirst()
				.orElse(OTHER);
			bySection.computeIfAbsent(section, (key) -> new ArrayList<>()).add(property);
		}
		bySection.values().removeIf(List::isEmpty);
		Map<ConfigurationMetadata.Property, List<BindableProperty>> mapKeys = mapKeys();
		StringBuilder page = new StringBuilder();
		page.append("# Configuration reference\n\n");
		page.append("<!-- Generated from the configuration metadata by ConfigurationReferenceTests: edit the javadoc "
				+ "of the properties, not this page. Regenerate with ").append(regenerate).append(" -->\n\n");
		page.append("Every property of the starter, and of the development server of `nats-jetstream-test`, with its "
				+ "type, default and\ndescription, generated from the configuration metadata that also drives IDE "
				+ "completion. Durations take a unit\n(`500ms`, `30s`, `5m`, `1h`, `7d`), data sizes one of `B`, "
				+ "`KB`, `MB`, `GB`; lists are comma-separated or indexed\n(`subjects[0]`).\n\n");
		for (Section section : bySection.keySet()) {
			page.append("- [").append(section.title()).append("](#").append(anchor(section.title())).append(")\n");
			for (ConfigurationMetadata.Property property : bySection.get(section)) {
				if (mapKeys.containsKey(property)) {
					String title = mapKeysOf(property).title();
					page.append("  - [").append(title).append("](#").append(anchor(title)).append(")\n");
				}
			}
		}
		for (Map.Entry<Section, List<ConfigurationMetadata.Property>> entry : bySection.entrySet()) {
			Section section = entry.getKey();
			page.append("\n## ").append(section.title()).append("\n\n").append(section.intro()).append("\n\n");
			page.append(tableHeader());
			for (ConfigurationMetadata.Property property : entry.getValue()) {
				String description = property.description();
				if (mapKeys.containsKey(property)) {
					description += " Keys: [" + mapKeysOf(property).title() + "](#"
							+ anchor(mapKeysOf(property).title()) + ").";
				}
				page.append(row(property.name(), type(property.type()), property.defaultValue(), description));
			}
			for (ConfigurationMetadata.Property property : entry.getValue()) {
				List<BindableProperty> keys = mapKeys.get(property);
				if (keys != null) {
					MapKeys map = mapKeysOf(property);
					page.append("\n### ").append(map.title()).append("\n\n");
					page.append("Under `").append(property.name()).append('.').append(map.placeholder()).append("`, ")
						.append(map.intro()).append("\n\n");
					page.append(tableHeader());
					for (BindableProperty key : keys) {
						page.append(row(key.name(), type(key.type()), key.defaultValue(), key.description()));
					}
				}
			}
		}
		return page.toString();
	}

	private static MapKeys mapKeysOf(ConfigurationMetadata.Property property) {
		return MAP_KEYS.getOrDefault(property.name(), new MapKeys("`" + property.name() + "`", "<key>",
				"by key: " + property.description()));
	}

	private static @Nullable Class<?> mapValueGroup(String type) {
		if (!type.startsWith("java.util.Map<") || !type.endsWith(">")) {
			return null;
		}
		String arguments = type.substring("java.util.Map<".length(), type.length() - 1);
		int comma = arguments.indexOf(',');
		if (comma < 0 || arguments.indexOf('<') >= 0) {
			return null;
		}
		Class<?> value = load(arguments.substring(comma + 1).trim());
		return (value != null && BindableProperties.isGroup(value)) ? value : null;
	}

	private static String tableHeader() {
		return "| Property | Type | Default | Description |\n| --- | --- | --- | --- |\n";
	}

	private static String row(String name, String type, @Nullable Object defaultValue, String description) {
		String value = defaultValue(defaultValue);
		return "| `" + name + "` | " + type + " | " + (value.isEmpty() ? "" : "`" + value + "`") + " | "
				+ escape(description) + " |\n";
	}

	private static String type(Type type) {
		return type(type.getTypeName());
	}

	private static String type(String typeName) {
		String raw = typeName.contains("<") ? typeName.substring(0, typeName.indexOf('<')) : typeName;
		Matcher matcher = QUALIFIED_NAME.matcher(typeName);
		String simple = matcher.replaceAll("$1").replaceAll(",\\s*", ", ");
		String text = "`" + simple + "`";
		Class<?> rawType = load(raw);
		if (rawType != null && rawType.isEnum()) {
			text += ": " + Arrays.stream(rawType.getEnumConstants())
				.map((constant) -> "`" + enumValue((Enum<?>) constant) + "`")
				.collect(Collectors.joining(", "));
		}
		return text;
	}

	private static String defaultValue(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(ConfigurationReference::defaultValue).collect(Collectors.joining(", "));
		}
		if (value instanceof Map<?, ?> map) {
			return map.isEmpty() ? "" : map.toString();
		}
		if (value instanceof Duration duration) {
			return duration(duration);
		}
		if (value instanceof DataSize size) {
			return dataSize(size);
		}
		if (value instanceof Enum<?> constant) {
			return enumValue(constant);
		}
		if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
			return Long.toString(number.longValue());
		}
		return value.toString();
	}

	private static String duration(Duration duration) {
		long millis = duration.toMillis();
		for (Map.Entry<String, Long> unit : List.of(Map.entry("d", 86_400_000L), Map.entry("h", 3_600_000L),
				Map.entry("m", 60_000L), Map.entry("s", 1000L))) {
			if (millis != 0 && millis % unit.getValue() == 0) {
				return (millis / unit.getValue()) + unit.getKey();
			}
		}
		return millis + "ms";
	}

	private static String dataSize(DataSize size) {
		long bytes = size.toBytes();
		for (Map.Entry<String, Long> unit : List.of(Map.entry("GB", 1L << 30), Map.entry("MB", 1L << 20),
				Map.entry("KB", 1L << 10))) {
			if (bytes != 0 && bytes % unit.getValue() == 0) {
				return (bytes / unit.getValue()) + unit.getKey();
			}
		}
		return bytes + "B";
	}

	private static String enumValue(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String escape(String text) {
		return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * The anchor GitHub gives a heading.
	 * @param heading the heading text
	 * @return the anchor
	 */
	private static String anchor(String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
	}

	private static @Nullable Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, ConfigurationReference.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/**
	 * A section of the page.
	 *
	 * @param title the heading
	 * @param intro the sentence under the heading
	 * @param names the names of the properties it lists
	 */
	private record Section(String title, String intro, String names) {

		boolean contains(String name) {
			return name.matches(this.names);
		}

	}

	/**
	 * How the keys of a map-valued property are shown.
	 *
	 * @param title the heading of their table
	 * @param placeholder what stands for a key in their names
	 * @param intro the sentence under the heading
	 */
	private record MapKeys(String title, String placeholder, String intro) {

	}

}

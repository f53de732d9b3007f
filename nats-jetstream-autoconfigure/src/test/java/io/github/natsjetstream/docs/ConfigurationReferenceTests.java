package io.github.natsjetstream.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates {@code docs/configuration.md} from the configuration metadata and checks that
 * the metadata documents every property: its description, and its default.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class ConfigurationReferenceTests {

	static final String REGENERATE = "./mvnw -B -q -pl nats-jetstream-autoconfigure -am verify "
			+ "-Dtest=ConfigurationReferenceTests -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dnats.server.oldest.skip=true -D" + DocsFiles.UPDATE_PROPERTY + "=true";

	private final ConfigurationMetadata metadata = ConfigurationMetadata
		.load(ConfigurationReferenceTests.class.getClassLoader());

	private final BindableProperties bindableProperties = new BindableProperties(
			new SourceJavadoc(DocsFiles.mainSourceRoots()));

	private final ConfigurationReference reference = new ConfigurationReference(this.metadata,
			this.bindableProperties);

	@Test
	void configurationPageIsWhatTheMetadataGenerates() {
		DocsFiles.assertUpToDate(DocsFiles.repositoryRoot().resolve("docs/configuration.md"),
				this.reference.render(REGENERATE), "the javadoc of the properties and "
						+ "META-INF/additional-spring-configuration-metadata.json", REGENERATE);
	}

	@Test
	void everyPropertyHasADescription() {
		List<String> undocumented = new ArrayList<>();
		this.metadata.properties()
			.stream()
			.filter((property) -> property.description().isBlank())
			.forEach((property) -> undocumented.add(property.name() + " (javadoc of the field in "
					+ property.sourceType() + ")"));
		this.reference.mapKeys()
			.values()
			.stream()
			.flatMap(List::stream)
			.filter((key) -> key.description().isBlank())
			.forEach((key) -> undocumented.add(key.name() + " (javadoc of its field or constructor parameter)"));
		assertThat(undocumented).as("Properties without a description").isEmpty();
	}

	@Test
	void keysOfMapValuedPropertiesAreDocumentedFromTheirClasses() {
		Map<String, Set<String>> keys = this.reference.mapKeys()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((entry) -> entry.getKey().name(), (entry) -> entry.getValue()
				.stream()
				.map(BindableProperty::name)
				.collect(Collectors.toSet())));
		assertThat(keys).containsOnlyKeys("nats.jetstream.streams", "nats.jetstream.key-value",
				"nats.jetstream.handlers");
		assertThat(keys.get("nats.jetstream.streams")).contains("nats.jetstream.streams.<name>.subjects",
				"nats.jetstream.streams.<name>.mirror.name",
				"nats.jetstream.streams.<name>.sources[n].subject-transforms[m].destination",
				"nats.jetstream.streams.<name>.subject-transform.source",
				"nats.jetstream.streams.<name>.placement.tags");
		assertThat(keys.get("nats.jetstream.key-value")).contains("nats.jetstream.key-value.<bucket>.history",
				"nats.jetstream.key-value.<bucket>.republish.headers-only");
		assertThat(keys.get("nats.jetstream.handlers")).contains("nats.jetstream.handlers.<id>.max-deliver",
				"nats.jetstream.handlers.<id>.backoff", "nats.jetstream.handlers.<id>.no-retry-for");
	}

	@Test
	void everyBindablePropertyIsInTheMetadata() {
		List<String> missing = new ArrayList<>();
		for (ConfigurationMetadata.Group group : rootGroups()) {
			for (BindableProperty property : this.bindableProperties.of(group.name(), load(group.type()))) {
				if (this.metadata.property(property.name()) == null) {
					missing.add(property.name());
				}
			}
		}
		assertThat(missing).as("Bindable properties that the configuration metadata lacks").isEmpty();
	}

	@Test
	void metadataHasTheDefaultOfEveryPropertyThatHasOne() {
		List<String> missing = new ArrayList<>();
		for (ConfigurationMetadata.Group group : rootGroups()) {
			for (BindableProperty property : this.bindableProperties.of(group.name(), load(group.type()))) {
				ConfigurationMetadata.Property described = this.metadata.property(property.name());
				if (hasValue(property.defaultValue()) && described != null && described.defaultValue() == null) {
					missing.add(property.name() + " defaults to " + property.defaultValue()
							+ ": add its defaultValue to META-INF/additional-spring-configuration-metadata.json");
				}
			}
		}
		assertThat(missing).as("Defaults the configuration processor could not see").isEmpty();
	}

	private List<ConfigurationMetadata.Group> rootGroups() {
		List<ConfigurationMetadata.Group> groups = this.metadata.groups()
			.stream()
			.filter(ConfigurationMetadata.Group::root)
			.filter((group) -> load(group.type()).isAnnotationPresent(ConfigurationProperties.class))
			.toList();
		assertThat(groups).extracting(ConfigurationMetadata.Group::name).contains("nats", "nats.local-server");
		return groups;
	}

	private static boolean hasValue(Object value) {
		if (value instanceof Collection<?> collection) {
			return !collection.isEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			return !map.isEmpty();
		}
		return value != null;
	}

	private static Class<?> load(String name) {
		return ClassUtils.resolveClassName(name, ConfigurationReferenceTests.class.getClassLoader());
	}

}

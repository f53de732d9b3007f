package io.github.natsjetstream.provisioning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The metadata that marks the streams, key-value buckets and consumers this library
 * creates or updates, so that an operator listing the server can tell who manages them:
 * <ul>
 * <li>{@value #MANAGED_BY}: {@value #MANAGER}</li>
 * <li>{@value #APPLICATION}: the application's {@code spring.application.name} (left
 * out when it has none)</li>
 * </ul>
 * It also decides which metadata keys a declaration owns: keys starting with
 * {@value #SERVER_PREFIX} belong to the server (2.11 and later add
 * {@code _nats.req.level}, {@code _nats.ver} and {@code _nats.level}) and keys starting
 * with {@value #PREFIX} to this library; neither is compared with a declaration nor may
 * be declared.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ManagedMetadata {

	/**
	 * Prefix of the metadata keys of this library.
	 */
	public static final String PREFIX = "io.github.natsjetstream.";

	/**
	 * Key of the entry that says what manages the resource.
	 */
	public static final String MANAGED_BY = PREFIX + "managed-by";

	/**
	 * Key of the entry that names the application that last created or updated the
	 * resource.
	 */
	public static final String APPLICATION = PREFIX + "application";

	/**
	 * Value of the {@value #MANAGED_BY} entry.
	 */
	public static final String MANAGER = "nats-jetstream-spring-boot-starter";

	/**
	 * Prefix of the metadata keys that the server sets.
	 */
	public static final String SERVER_PREFIX = "_nats.";

	private final Map<String, String> entries;

	private ManagedMetadata(Map<String, String> entries) {
		this.entries = Collections.unmodifiableMap(entries);
	}

	/**
	 * Create the metadata of resources managed for the given application.
	 * @param applicationName the application's name ({@code spring.application.name}),
	 * or {@code null}
	 * @return the managed metadata
	 */
	public static ManagedMetadata forApplication(@Nullable String applicationName) {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put(MANAGED_BY, MANAGER);
		if (StringUtils.hasText(applicationName)) {
			entries.put(APPLICATION, applicationName);
		}
		return new ManagedMetadata(entries);
	}

	/**
	 * Return the entries this library writes.
	 * @return the entries
	 */
	public Map<String, String> getEntries() {
		return this.entries;
	}

	/**
	 * Return the given metadata with the entries of this library added (replacing any
	 * earlier ones) and the server's entries removed (the server sets them itself).
	 * @param metadata the metadata of a configuration, or {@code null}
	 * @return the metadata to send
	 */
	public Map<String, String> addTo(@Nullable Map<String, String> metadata) {
		Map<String, String> result = new LinkedHashMap<>();
		if (metadata != null) {
			metadata.forEach((key, value) -> {
				if (!key.startsWith(SERVER_PREFIX)) {
					result.put(key, value);
				}
			});
		}
		result.putAll(this.entries);
		return result;
	}

	/**
	 * Return whether a metadata key belongs to the server or to this library rather than
	 * to a declaration.
	 * @param key the key
	 * @return whether the key is reserved
	 */
	public static boolean isReserved(String key) {
		return key.startsWith(SERVER_PREFIX) || key.startsWith(PREFIX);
	}

	/**
	 * Return the entries of the given metadata that a declaration owns, sorted by key:
	 * what is compared with a declaration.
	 * @param metadata the metadata of a configuration, or {@code null}
	 * @return the declarable entries, empty if none
	 */
	public static Map<String, String> declarable(@Nullable Map<String, String> metadata) {
		Map<String, String> result = new TreeMap<>();
		if (metadata != null) {
			metadata.forEach((key, value) -> {
				if (!isReserved(key)) {
					result.put(key, value);
				}
			});
		}
		return result;
	}

	/**
	 * Check that declared metadata holds no reserved key.
	 * @param metadata the declared metadata
	 * @return a copy of the metadata, in its order
	 * @throws IllegalArgumentException if a key is empty or reserved
	 */
	public static Map<String, String> checkDeclarable(Map<String, String> metadata) {
		Assert.notNull(metadata, "'metadata' must not be null");
		metadata.forEach((key, value) -> {
			Assert.hasText(key, "Metadata keys must not be empty");
			Assert.notNull(value, () -> "Metadata '" + key + "' must have a value");
			Assert.isTrue(!isReserved(key), () -> "Metadata key '" + key + "' is reserved: keys starting with '"
					+ SERVER_PREFIX + "' belong to the server and keys starting with '" + PREFIX + "' to this library");
		});
		return Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}

}

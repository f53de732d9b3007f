package io.github.natsjetstream.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.natsjetstream.retry.DeadLetterSubjectTemplate;
import io.github.natsjetstream.retry.DefaultErrorClassifier;
import io.github.natsjetstream.retry.ErrorClassifier;
import io.github.natsjetstream.routing.SubjectPattern;
import io.github.natsjetstream.support.PropertyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Resolves the settings of each handler from three {@link DeclaredHandlerSettings}: the
 * configuration properties {@code nats.jetstream.handlers.<id>.*} over the
 * {@code @NatsHandler} attributes over the defaults. Values are validated once merged;
 * every error names the handler, the setting, the value and where it was declared.
 * <p>
 * The resolver also remembers which handlers it resolved, so that
 * {@link #checkEveryOverrideMatches(Collection)} can refuse configuration for a handler id
 * that no handler has.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class HandlerSettingsResolver {

	/**
	 * The largest concurrency accepted: each unit is a thread (or virtual thread) with
	 * its own subscription.
	 */
	static final int MAX_CONCURRENCY = 1_000;

	/**
	 * The largest batch a batch handler may ask for.
	 */
	static final int MAX_BATCH_SIZE = 10_000;

	private final DeclaredHandlerSettings defaults;

	private final Map<String, DeclaredHandlerSettings> overrides;

	private final Function<String, ErrorClassifier> errorClassifiers;

	/**
	 * Each distinct set of merged values once: most handlers have the same settings, so
	 * they share them.
	 */
	private final Map<DeclaredHandlerSettings, DeclaredHandlerSettings> sharedValues = new ConcurrentHashMap<>();

	/**
	 * Each distinct map of setting sources once, shared as the values are.
	 */
	private final Map<Map<String, SettingSource>, Map<String, SettingSource>> sharedSources = new ConcurrentHashMap<>();

	/**
	 * Create a new resolver.
	 * @param defaults the defaults; every value but the error classifier must be declared
	 * @param overrides the settings configured under {@code nats.jetstream.handlers},
	 * by handler id
	 * @param errorClassifiers looks up an {@link ErrorClassifier} bean by name
	 */
	public HandlerSettingsResolver(DeclaredHandlerSettings defaults, Map<String, DeclaredHandlerSettings> overrides,
			Function<String, ErrorClassifier> errorClassifiers) {
		Assert.notNull(defaults, "'defaults' must not be null");
		Assert.notNull(overrides, "'overrides' must not be null");
		Assert.notNull(errorClassifiers, "'errorClassifiers' must not be null");
		this.defaults = defaults;
		this.overrides = Map.copyOf(overrides);
		this.errorClassifiers = errorClassifiers;
	}

	/**
	 * Resolve the settings of a handler.
	 * @param id the handler id
	 * @param handler a description of the handler for error messages (its method)
	 * @param declared what its annotation declares
	 * @return the settings
	 * @throws InvalidHandlerException when a value is invalid
	 */
	public HandlerSettings resolve(String id, String handler, DeclaredHandlerSettings declared) {
		DeclaredHandlerSettings configured = override(id);
		DeclaredHandlerSettings merged = configured.orElse(declared).orElse(this.defaults);
		Map<String, SettingSource> sources = new LinkedHashMap<>();
		for (DeclaredHandlerSettings.Setting setting : DeclaredHandlerSettings.SETTINGS) {
			sources.put(setting.name(), (setting.value().apply(configured) != null) ? SettingSource.PROPERTY
					: (setting.value().apply(declared) != null) ? SettingSource.ANNOTATION : SettingSource.DEFAULT);
		}
		Check check = new Check(id, handler, sources);
		int concurrency = check.value(merged.concurrency(), "concurrency");
		check.require(concurrency >= 1 && concurrency <= MAX_CONCURRENCY, "concurrency", concurrency,
				"must be between 1 and " + MAX_CONCURRENCY);
		check.require(check.value(merged.maxDeliver(), "maxDeliver") >= 1, "maxDeliver", merged.maxDeliver(),
				"must be at least 1");
		check.require(check.value(merged.maxAckPending(), "maxAckPending") >= 1, "maxAckPending",
				merged.maxAckPending(), "must be at least 1");
		check.require(check.value(merged.ackWait(), "ackWait").toMillis() > 0, "ackWait", merged.ackWait(),
				"must be at least 1ms");
		check.require(check.value(merged.pinTimeout(), "pinTimeout").toMillis() > 0, "pinTimeout",
				merged.pinTimeout(), "must be at least 1ms");
		check.require(check.value(merged.overflowThreshold(), "overflowThreshold") >= 0, "overflowThreshold",
				merged.overflowThreshold(), "must not be negative");
		int batchSize = check.value(merged.batchSize(), "batchSize");
		check.require(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE, "batchSize", batchSize,
				"must be between 1 and " + MAX_BATCH_SIZE);
		check.require(!check.value(merged.batchWait(), "batchWait").isNegative(), "batchWait", merged.batchWait(),
				"must not be negative");
		check.require(check.value(merged.priorityPolicy(), "priorityPolicy") != PriorityPolicySetting.PINNED_CLIENT
				|| concurrency == 1, "priorityPolicy", "pinned-client",
				"pins one subscription, so only one worker would get messages: use it with concurrency 1, not "
						+ concurrency);
		ErrorClassifier classifier = new DefaultErrorClassifier(check.value(merged.noRetryFor(), "noRetryFor"),
				(merged.errorClassifier() != null) ? errorClassifier(merged.errorClassifier(), check) : null);
		DeadLetterSubjectTemplate deadLetter = DeadLetterSubjectTemplate.parse(check.value(merged.deadLetter(),
				"deadLetter"), sources.get("deadLetter").describe(id, "deadLetter") + " of handler '" + id + "'");
		return new HandlerSettings(this.sharedValues.computeIfAbsent(merged, (key) -> key),
				this.sharedSources.computeIfAbsent(Map.copyOf(sources), (key) -> key), classifier, deadLetter);
	}

	/**
	 * Check that every handler id configured under {@code nats.jetstream.handlers} is the
	 * id of a handler, so that a typo is not silently ignored.
	 * @param handlerIds the ids of every handler of the application
	 * @throws UnknownHandlerIdException naming the unknown id and the closest known ones
	 */
	public void checkEveryOverrideMatches(Collection<String> handlerIds) {
		Set<String> known = ConcurrentHashMap.newKeySet();
		handlerIds.forEach((id) -> known.add(canonical(id)));
		for (String configured : this.overrides.keySet()) {
			if (!known.contains(canonical(configured))) {
				List<String> closest = closest(configured, handlerIds);
				throw new UnknownHandlerIdException("Property 'nats.jetstream.handlers." + configured
						+ "' configures no handler: no @NatsHandler has the id '" + configured + "'. "
						+ (closest.isEmpty() ? "The application has no @NatsHandler."
								: "The closest handler ids are " + String.join(", ", closest.stream()
									.map((id) -> "'" + id + "'")
									.toList()) + ".")
						+ " A handler's id is @NatsHandler(id = ...), or else <bean name>-<method name> (the bean name "
						+ "for a class-level handler).", configured, closest);
			}
		}
	}

	private DeclaredHandlerSettings override(String id) {
		DeclaredHandlerSettings exact = this.overrides.get(id);
		if (exact != null) {
			return exact;
		}
		String canonicalId = canonical(id);
		return this.overrides.entrySet()
			.stream()
			.filter((entry) -> canonical(entry.getKey()).equals(canonicalId))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(DeclaredHandlerSettings.NONE);
	}

	/**
	 * Check that the dead-letter subject, its placeholders replaced, is a subject one can
	 * publish to.
	 */
	private ErrorClassifier errorClassifier(String beanName, Check check) {
		try {
			return this.errorClassifiers.apply(beanName);
		}
		catch (RuntimeException ex) {
			throw check.invalid("errorClassifier", beanName, "is not an ErrorClassifier bean (" + ex.getMessage() + ")",
					ex);
		}
	}

	private static List<String> closest(String configured, Collection<String> handlerIds) {
		String target = canonical(configured);
		return handlerIds.stream()
			.sorted(Comparator.comparingInt((String id) -> distance(canonical(id), target)).thenComparing(id -> id))
			.limit(3)
			.toList();
	}

	/**
	 * Return the Levenshtein distance between two strings.
	 */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * Return an id in the form relaxed property binding compares map keys in: letters
	 * and digits only, lower case.
	 */
	private static String canonical(String id) {
		StringBuilder canonical = new StringBuilder(id.length());
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				canonical.append(Character.toLowerCase(c));
			}
		}
		return canonical.toString();
	}

	/**
	 * Checks the values of one handler, naming it and where each value came from.
	 */
	private record Check(String id, String handler, Map<String, SettingSource> sources) {

		<T> T value(@Nullable T value, String setting) {
			Assert.state(value != null, () -> "No default for setting '" + setting + "'");
			return value;
		}

		void require(boolean condition, String setting, @Nullable Object value, String problem) {
			if (!condition) {
				throw invalid(setting, value, problem, null);
			}
		}

		InvalidHandlerException invalid(String setting, @Nullable Object value, String problem,
				@Nullable Throwable cause) {
			SettingSource source = this.sources.getOrDefault(setting, SettingSource.DEFAULT);
			return new InvalidHandlerException("Invalid " + setting + " '" + PropertyValues.format(value)
					+ "' of handler '" + this.id + "' ("
					+ this.handler + "), from " + source.describe(this.id, setting) + ": " + problem, cause);
		}

	}

}

package io.github.natsjetstream.provisioning;

import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.natsjetstream.support.ServerFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One field of a JetStream configuration (of a stream, a key-value bucket or a
 * consumer) as far as comparing a declaration with the server is concerned: how to read
 * its value with the server's defaults normalised, whether JetStream can change it in
 * place, and how to show it.
 *
 * @param <C> the type of configuration
 * @param <V> the type of the field's normalised value
 * @author NATS JetStream Spring Boot Starter contributors
 * @see ConfigurationDiffer
 */
public final class ConfigurationField<C, V> {

	private final String name;

	private final Function<C, @Nullable V> value;

	private final BiPredicate<@Nullable V, @Nullable V> updatable;

	private final Function<@Nullable V, String> formatter;

	private final @Nullable ServerFeature feature;

	private final Predicate<C> usesFeature;

	private ConfigurationField(String name, Function<C, @Nullable V> value,
			BiPredicate<@Nullable V, @Nullable V> updatable, Function<@Nullable V, String> formatter) {
		this(name, value, updatable, formatter, null, (v) -> false);
	}

	private ConfigurationField(String name, Function<C, @Nullable V> value,
			BiPredicate<@Nullable V, @Nullable V> updatable, Function<@Nullable V, String> formatter,
			@Nullable ServerFeature feature, Predicate<C> usesFeature) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		Assert.notNull(updatable, "'updatable' must not be null");
		Assert.notNull(formatter, "'formatter' must not be null");
		this.name = name;
		this.value = value;
		this.updatable = updatable;
		this.formatter = formatter;
		this.feature = feature;
		this.usesFeature = usesFeature;
	}

	/**
	 * Create a field that JetStream can change in place.
	 * @param <C> the type of configuration
	 * @param <V> the type of the value
	 * @param name the name of the field, as in the JetStream API
	 * @param value the function that reads the value with the server's defaults
	 * normalised (so that an unset value and the server's default compare equal)
	 * @return the field
	 */
	public static <C, V> ConfigurationField<C, V> updatable(String name, Function<C, @Nullable V> value) {
		return new ConfigurationField<>(name, value, (current, wanted) -> true, ConfigurationValues::format);
	}

	/**
	 * Create a field that JetStream cannot change once the resource exists.
	 * @param <C> the type of configuration
	 * @param <V> the type of the value
	 * @param name the name of the field, as in the JetStream API
	 * @param value the function that reads the value with the server's defaults
	 * normalised
	 * @return the field
	 */
	public static <C, V> ConfigurationField<C, V> immutable(String name, Function<C, @Nullable V> value) {
		return new ConfigurationField<>(name, value, (current, wanted) -> false, ConfigurationValues::format);
	}

	/**
	 * Create a field that JetStream can change in place only from some values to some
	 * others.
	 * @param <C> the type of configuration
	 * @param <V> the type of the value
	 * @param name the name of the field, as in the JetStream API
	 * @param value the function that reads the value with the server's defaults
	 * normalised
	 * @param updatable whether a change from the first (current) value to the second
	 * (wanted) one can be made in place
	 * @return the field
	 */
	public static <C, V> ConfigurationField<C, V> updatableWhen(String name, Function<C, @Nullable V> value,
			BiPredicate<@Nullable V, @Nullable V> updatable) {
		return new ConfigurationField<>(name, value, updatable, ConfigurationValues::format);
	}

	/**
	 * Return a copy of this field that shows its values with the given formatter.
	 * @param formatter the formatter
	 * @return a new field
	 */
	public ConfigurationField<C, V> formattedWith(Function<@Nullable V, String> formatter) {
		return new ConfigurationField<>(this.name, this.value, this.updatable, formatter, this.feature,
				this.usesFeature);
	}

	/**
	 * Return a copy of this field that needs a server feature in the configurations that
	 * match the given predicate (typically: whose value of the field is not the server's
	 * default).
	 * @param feature the feature the server must have
	 * @param usesFeature whether a configuration uses the feature through this field
	 * @return a new field
	 */
	public ConfigurationField<C, V> requires(ServerFeature feature, Predicate<C> usesFeature) {
		Assert.notNull(feature, "'feature' must not be null");
		Assert.notNull(usesFeature, "'usesFeature' must not be null");
		return new ConfigurationField<>(this.name, this.value, this.updatable, this.formatter, feature, usesFeature);
	}

	/**
	 * Return the server feature that this field's value in the given configuration
	 * needs.
	 * @param configuration the configuration
	 * @return the feature, or {@code null} if the value needs none
	 */
	public @Nullable ServerFeature requiredFeature(C configuration) {
		Assert.notNull(configuration, "'configuration' must not be null");
		return (this.feature != null && this.usesFeature.test(configuration)) ? this.feature
				: null;
	}

	/**
	 * Return the name of the field.
	 * @return the name, as in the JetStream API
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Compare the field in two configurations.
	 * @param current the configuration on the server
	 * @param wanted the declared configuration
	 * @return the difference, or {@code null} if the normalised values are equal
	 */
	public @Nullable ConfigurationDifference compare(C current, C wanted) {
		Assert.notNull(current, "'current' must not be null");
		Assert.notNull(wanted, "'wanted' must not be null");
		V currentValue = this.value.apply(current);
		V wantedValue = this.value.apply(wanted);
		if (Objects.equals(currentValue, wantedValue)) {
			return null;
		}
		return new ConfigurationDifference(this.name, this.formatter.apply(currentValue),
				this.formatter.apply(wantedValue), this.updatable.test(currentValue, wantedValue));
	}

	@Override
	public String toString() {
		return this.name;
	}

}

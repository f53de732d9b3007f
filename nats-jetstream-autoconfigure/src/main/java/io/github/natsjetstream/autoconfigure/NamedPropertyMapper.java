package io.github.natsjetstream.autoconfigure;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.natsjetstream.support.PropertyValues;
import org.jspecify.annotations.Nullable;

/**
 * Hands property values to a builder that checks them, so that a value the builder
 * refuses fails naming the property as written under its prefix, the value, and the
 * builder's reason.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class NamedPropertyMapper {

	/**
	 * The name a builder's message starts with, as in {@code 'maxDelay' must not be ...}.
	 */
	private static final Pattern LEADING_NAME = Pattern.compile("^'([A-Za-z]+)' ");

	private final String prefix;

	private final BiFunction<String, Throwable, RuntimeException> failure;

	/**
	 * Create a mapper for the properties under a prefix.
	 * @param prefix the prefix, for example {@code nats.jetstream.streams.ORDERS}
	 * @param failure makes the exception to throw from a message and its cause
	 */
	NamedPropertyMapper(String prefix, BiFunction<String, Throwable, RuntimeException> failure) {
		this.prefix = prefix;
		this.failure = failure;
	}

	/**
	 * Hand a value to the builder, unless it is {@code null}.
	 * @param property the property under the prefix, for example {@code max-bytes}
	 * @param value the value
	 * @param setter the builder's setter
	 * @param <T> the type of the value
	 */
	<T> void map(String property, @Nullable T value, Consumer<T> setter) {
		if (value != null) {
			check(property, value, () -> {
				setter.accept(value);
				return null;
			});
		}
	}

	/**
	 * Run something that checks a value.
	 * @param property the property under the prefix
	 * @param value the value, for the message
	 * @param action what checks it
	 * @param <R> the type of the result
	 * @return the result of the action
	 */
	<R> R check(String property, @Nullable Object value, Supplier<R> action) {
		try {
			return action.get();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw invalid(property, value, ex);
		}
	}

	/**
	 * Return the exception for a value that was refused.
	 * @param property the property under the prefix
	 * @param value the value
	 * @param ex why it was refused
	 * @return the exception to throw
	 */
	RuntimeException invalid(String property, @Nullable Object value, RuntimeException ex) {
		return this.failure.apply("Invalid value '" + PropertyValues.format(value) + "' of property '" + this.prefix
				+ "." + property + "': " + problem(ex), ex);
	}

	/**
	 * Return the property a builder's message is about, from the name it starts with.
	 * @param ex the builder's exception
	 * @return the property, in kebab case, or {@code null} when the message names none
	 */
	static @Nullable String propertyOf(RuntimeException ex) {
		Matcher matcher = LEADING_NAME.matcher(String.valueOf(ex.getMessage()));
		return matcher.find() ? kebab(matcher.group(1)) : null;
	}

	private static String problem(RuntimeException ex) {
		if (ex instanceof ArithmeticException) {
			return "too large";
		}
		return LEADING_NAME.matcher(String.valueOf(ex.getMessage())).replaceFirst("");
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}

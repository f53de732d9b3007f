package io.github.natsjetstream.docs;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

/**
 * A property that binds to a class, found by reflection.
 *
 * @param name the full property name, in kebab case
 * @param type the property's type
 * @param defaultValue the value a new instance has, or {@code null}
 * @param description the description from the javadoc; empty when there is none
 * @author NATS JetStream Spring Boot Starter contributors
 */
record BindableProperty(String name, Type type, @Nullable Object defaultValue, String description) {

}

package io.github.natsjetstream.docs;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.ReflectionUtils;

/**
 * The properties that bind to a class, the way Spring Boot's binder sees them: the
 * parameters of a binding constructor, or the JavaBean properties with a setter, nested
 * groups (a getter without a setter returning a type of this project) and the elements of
 * lists of such types flattened ({@code sources[n].name}). Descriptions come from the
 * javadoc of the fields and constructor parameters, defaults from a new instance.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class BindableProperties {

	private static final String PROJECT_PACKAGE = "io.github.natsjetstream.";

	private static final List<String> INDEXES = List.of("n", "m", "k");

	private final SourceJavadoc javadoc;

	BindableProperties(SourceJavadoc javadoc) {
		this.javadoc = javadoc;
	}

	/**
	 * The properties that bind to a type below a prefix, sorted by name.
	 * @param prefix the prefix, for example {@code nats.jetstream.streams.<name>}
	 * @param type the type
	 * @return the properties
	 */
	List<BindableProperty> of(String prefix, Class<?> type) {
		List<BindableProperty> properties = new ArrayList<>();
		collect(prefix, type, 0, properties);
		properties.sort(Comparator.comparing(BindableProperty::name));
		return properties;
	}

	/**
	 * Tells whether a type binds as a group of properties rather than one value.
	 * @param type the type
	 * @return {@code true} for a type of this project with a binding constructor or a
	 * no-argument one, which is not converted from a string
	 */
	static boolean isGroup(Class<?> type) {
		return type.getName().startsWith(PROJECT_PACKAGE) && !type.isEnum() && !type.isInterface()
				&& !convertedFromString(type)
				&& (bindingConstructor(type) != null || noArgumentConstructor(type) != null);
	}

	private static boolean convertedFromString(Class<?> type) {
		for (String factory : List.of("of", "valueOf", "from")) {
			Method method = ReflectionUtils.findMethod(type, factory, String.class);
			if (method != null && Modifier.isStatic(method.getModifiers())) {
				return true;
			}
		}
		return false;
	}

	private void collect(String prefix, Class<?> type, int depth, List<BindableProperty> properties) {
		Constructor<?> constructor = bindingConstructor(type);
		if (constructor != null) {
			collectParameters(prefix, type, constructor, properties);
			return;
		}
		Object defaults = newInstance(type);
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			Method getter = descriptor.getReadMethod();
			if (getter == null || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			String name = prefix + "." + dashed(descriptor.getName());
			Class<?> propertyType = descriptor.getPropertyType();
			Type genericType = getter.getGenericReturnType();
			boolean writable = descriptor.getWriteMethod() != null;
			Class<?> element = listElement(genericType);
			if (!writable && isGroup(propertyType)) {
				collect(name, propertyType, depth, properties);
			}
			else if (element != null && isGroup(element)) {
				collect(name + "[" + INDEXES.get(depth) + "]", element, depth + 1, properties);
			}
			else if (writable || Collection.class.isAssignableFrom(propertyType)
					|| Map.class.isAssignableFrom(propertyType)) {
				Object value = (defaults != null) ? ReflectionUtils.invokeMethod(getter, defaults) : null;
				properties.add(new BindableProperty(name, genericType, value,
						this.javadoc.fieldDescription(fieldOwner(type, descriptor.getName()), descriptor.getName())));
			}
		}
	}

	private void collectParameters(String prefix, Class<?> type, Constructor<?> constructor,
			List<BindableProperty> properties) {
		List<String> names = Arrays.stream(constructor.getParameters()).map(Parameter::getName).toList();
		for (Parameter parameter : constructor.getParameters()) {
			if (parameter.getName().matches("arg\\d+")) {
				throw new IllegalStateException(type.getName() + " was compiled without -parameters");
			}
			properties.add(new BindableProperty(prefix + "." + dashed(parameter.getName()),
					parameter.getParameterizedType(), null,
					this.javadoc.parameterDescription(type, names, parameter.getName())));
		}
	}

	private static @Nullable Constructor<?> bindingConstructor(Class<?> type) {
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (constructor.isAnnotationPresent(ConstructorBinding.class)) {
				return constructor;
			}
		}
		if (type.isRecord()) {
			Class<?>[] components = Arrays.stream(type.getRecordComponents())
				.map((component) -> component.getType())
				.toArray(Class<?>[]::new);
			try {
				return type.getDeclaredConstructor(components);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("No canonical constructor in " + type.getName(), ex);
			}
		}
		return null;
	}

	private static @Nullable Constructor<?> noArgumentConstructor(Class<?> type) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			return Modifier.isPublic(constructor.getModifiers()) ? constructor : null;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private static @Nullable Object newInstance(Class<?> type) {
		Constructor<?> constructor = noArgumentConstructor(type);
		return (constructor != null) ? BeanUtils.instantiateClass(constructor) : null;
	}

	private static @Nullable Class<?> listElement(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
				&& List.class.isAssignableFrom(raw)
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
			return element;
		}
		return null;
	}

	private static Class<?> fieldOwner(Class<?> type, String field) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (Arrays.stream(candidate.getDeclaredFields()).anyMatch((declared) -> declared.getName().equals(field))) {
				return candidate;
			}
		}
		return type;
	}

	/**
	 * The kebab-case form of a Java property name, as in the configuration metadata.
	 * @param name the Java name, for example {@code maxAckPending}
	 * @return the dashed name, for example {@code max-ack-pending}
	 */
	static String dashed(String name) {
		StringBuilder dashed = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c) && !dashed.isEmpty()) {
				dashed.append('-');
			}
			dashed.append(Character.toLowerCase(c));
		}
		return dashed.toString();
	}

}

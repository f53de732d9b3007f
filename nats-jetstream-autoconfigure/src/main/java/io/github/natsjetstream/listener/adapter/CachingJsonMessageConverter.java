package io.github.natsjetstream.listener.adapter;

import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.GenericTypeResolver;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.ClassUtils;

/**
 * A {@link JacksonJsonMessageConverter} that resolves the target type and the JSON view
 * of each handler parameter once and keeps a Jackson {@link ObjectReader} for it, rather
 * than doing both for every message. The readers come from a mapper derived from the
 * given one, with its configuration and modules, that reads faster
 * ({@link JsonReadingMapper}); writing uses the given mapper.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class CachingJsonMessageConverter extends JacksonJsonMessageConverter {

	private final ConcurrentMap<Object, ObjectReader> readers = new ConcurrentHashMap<>();

	private final JsonMapper readingMapper;

	/**
	 * Create a new converter.
	 * @param mapper the JSON mapper
	 */
	public CachingJsonMessageConverter(JsonMapper mapper) {
		super(mapper);
		this.readingMapper = JsonReadingMapper.from(mapper);
	}

	@Override
	protected @Nullable Object convertFromInternal(Message<?> message, Class<?> targetClass,
			@Nullable Object conversionHint) {
		Object payload = message.getPayload();
		if (!(payload instanceof byte[] bytes) || ClassUtils.isAssignableValue(targetClass, payload)) {
			return super.convertFromInternal(message, targetClass, conversionHint);
		}
		ObjectReader reader = this.readers.computeIfAbsent((conversionHint != null) ? conversionHint : targetClass,
				(key) -> reader(targetClass, conversionHint));
		try {
			return reader.readValue(bytes);
		}
		catch (JacksonException ex) {
			throw new MessageConversionException(message, "Could not read JSON: " + ex.getMessage(), ex);
		}
	}

	private ObjectReader reader(Class<?> targetClass, @Nullable Object conversionHint) {
		JsonMapper mapper = this.readingMapper;
		JavaType type = mapper.constructType(resolvedType(targetClass, conversionHint));
		Class<?> view = getSerializationView(conversionHint);
		return ((view != null) ? mapper.readerWithView(view) : mapper.reader()).forType(type);
	}

	/**
	 * Resolve the target type as spring-messaging does: the generic type of the handler
	 * parameter (unwrapping {@code Optional} and {@code Message}), or the target class.
	 */
	private static Type resolvedType(Class<?> targetClass, @Nullable Object conversionHint) {
		if (conversionHint instanceof MethodParameter parameter) {
			MethodParameter payload = parameter.nestedIfOptional();
			if (Message.class.isAssignableFrom(payload.getParameterType())) {
				payload = payload.nested();
			}
			return GenericTypeResolver.resolveType(payload.getNestedGenericParameterType(),
					payload.getContainingClass());
		}
		return targetClass;
	}

}

package io.github.natsjetstream.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.natsjetstream.listener.adapter.CachingJsonMessageConverter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;

/**
 * Configuration of the {@link MessageConverter} that converts payloads both ways: into handler method
 * arguments and from what the {@link io.github.natsjetstream.core.JetStreamTemplate}
 * publishes. {@code byte[]} and {@code String} payloads are taken as they are; other
 * types are JSON, written and read with the application's Jackson {@link JsonMapper} when
 * Jackson is on the classpath. Writing records the content type; reading goes by the
 * type of the handler parameter, whatever content type the message declares, so that a
 * {@code String} parameter receives JSON as text and a record is read from JSON published
 * as bytes. Imported by the auto-configurations of handlers and of the template.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MessageConverter.class)
class NatsMessageConverterConfiguration {

	/**
	 * Name of the {@link MessageConverter} bean that converts payloads for handler
	 * methods and for publishing.
	 */
	static final String MESSAGE_CONVERTER_BEAN_NAME = "natsHandlerMessageConverter";

	private static List<MessageConverter> rawConverters() {
		return List.of(new ByteArrayMessageConverter(), new AnyContentTypeStringMessageConverter());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JsonMessageConverterConfiguration {

		@Bean(name = MESSAGE_CONVERTER_BEAN_NAME)
		@ConditionalOnMissingBean(name = MESSAGE_CONVERTER_BEAN_NAME)
		MessageConverter natsHandlerMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
			List<MessageConverter> converters = new ArrayList<>(rawConverters());
			converters.add(new AnyContentTypeJsonMessageConverter(jsonMapper.getIfAvailable(JsonMapper::new)));
			return new CompositeMessageConverter(converters);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
	static class RawMessageConverterConfiguration {

		@Bean(name = MESSAGE_CONVERTER_BEAN_NAME)
		@ConditionalOnMissingBean(name = MESSAGE_CONVERTER_BEAN_NAME)
		MessageConverter natsHandlerMessageConverter() {
			return new CompositeMessageConverter(rawConverters());
		}

	}

	/**
	 * Reads a {@code String} parameter from a message of any content type.
	 */
	static final class AnyContentTypeStringMessageConverter extends StringMessageConverter {

		@Override
		protected boolean canConvertFrom(Message<?> message, Class<?> targetClass) {
			return supports(targetClass);
		}

	}

	/**
	 * Reads a parameter as JSON from a message of any content type, and writes a payload
	 * with the mapper's own recycled buffers when neither a JSON view nor a content type
	 * asks for more.
	 */
	static final class AnyContentTypeJsonMessageConverter extends CachingJsonMessageConverter {

		AnyContentTypeJsonMessageConverter(JsonMapper mapper) {
			super(mapper);
		}

		@Override
		protected boolean canConvertFrom(Message<?> message, @Nullable Class<?> targetClass) {
			return targetClass != null;
		}

		@Override
		protected @Nullable Object convertToInternal(Object payload, @Nullable MessageHeaders headers,
				@Nullable Object conversionHint) {
			if (conversionHint != null || getSerializedPayloadClass() != byte[].class
					|| getMimeType(headers) != null) {
				return super.convertToInternal(payload, headers, conversionHint);
			}
			try {
				return getJsonMapper().writeValueAsBytes(payload);
			}
			catch (JacksonException ex) {
				throw new MessageConversionException("Could not write JSON: " + ex.getOriginalMessage(), ex);
			}
		}

	}

}

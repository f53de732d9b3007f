package io.github.natsjetstream.listener.adapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

import io.github.natsjetstream.config.BatchHandlerInvoker;
import io.github.natsjetstream.support.NatsHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.Validator;

/**
 * A {@link BatchHandlerInvoker} for a method whose one parameter is a {@code List} of
 * payloads ({@code List<Order>}), of JetStream messages
 * ({@code List<io.nats.client.Message>}) or of spring-messaging messages
 * ({@code List<Message<Order>>}). Payloads are converted one message at a time with the
 * converter and validator of single-message handlers.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class BatchMethodInvoker implements BatchHandlerInvoker {

	private final Object bean;

	private final Method method;

	private final ElementKind kind;

	private final MethodParameter payloadParameter;

	private final NatsPayloadArgumentResolver payloadResolver;

	/**
	 * Create a new invoker.
	 * @param bean the bean the method belongs to
	 * @param method the method, taking one {@code List} parameter
	 * @param converter converts payloads to the element type
	 * @param validator validates converted payloads, or {@code null}
	 * @throws IllegalArgumentException when the method is not a batch method or its list
	 * does not declare an element type
	 */
	public BatchMethodInvoker(Object bean, Method method, MessageConverter converter, @Nullable Validator validator) {
		Assert.isTrue(isBatchMethod(method), () -> "Not a batch method: " + method);
		MethodParameter list = new MethodParameter(method, 0);
		ResolvableType element = ResolvableType.forMethodParameter(list).getGeneric(0);
		Class<?> elementClass = element.resolve();
		if (elementClass == null || element.getType() instanceof java.lang.reflect.WildcardType) {
			throw new IllegalArgumentException("its List parameter declares no element type: declare List<T> of a "
					+ "payload type, List<io.nats.client.Message> or List<Message<T>>");
		}
		this.bean = bean;
		this.method = method;
		ReflectionUtils.makeAccessible(method);
		if (elementClass == io.nats.client.Message.class) {
			this.kind = ElementKind.NATS_MESSAGE;
			this.payloadParameter = list.nested();
		}
		else if (Message.class.isAssignableFrom(elementClass)) {
			this.kind = ElementKind.SPRING_MESSAGE;
			this.payloadParameter = list.nested().nested();
		}
		else {
			this.kind = ElementKind.PAYLOAD;
			this.payloadParameter = list.nested();
		}
		this.payloadResolver = new ElementPayloadResolver(converter, validator);
	}

	/**
	 * Return whether a method is a batch method: it takes one parameter, a {@code List}
	 * not annotated {@code @Payload} (which asks for one message's payload converted to a
	 * list, a JSON array say).
	 * @param method the method
	 * @return whether it handles batches
	 */
	public static boolean isBatchMethod(Method method) {
		return method.getParameterCount() == 1 && method.getParameterTypes()[0] == List.class
				&& !method.getParameters()[0].isAnnotationPresent(Payload.class);
	}

	@Override
	public Object convert(Message<byte[]> message) throws Exception {
		return switch (this.kind) {
			case NATS_MESSAGE -> rawMessage(message);
			case PAYLOAD -> payload(message);
			case SPRING_MESSAGE -> MessageBuilder.createMessage(payload(message), message.getHeaders());
		};
	}

	@Override
	public void invokeBatch(List<Object> elements) throws Exception {
		try {
			this.method.invoke(this.bean, elements);
		}
		catch (InvocationTargetException ex) {
			Throwable target = ex.getTargetException();
			if (target instanceof Exception exception) {
				throw exception;
			}
			if (target instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private Object payload(Message<byte[]> message) throws Exception {
		Object payload = this.payloadResolver.resolveArgument(this.payloadParameter, message);
		Assert.state(payload != null, "No payload");
		return payload;
	}

	private static io.nats.client.Message rawMessage(Message<byte[]> message) {
		io.nats.client.Message raw = message.getHeaders().get(NatsHeaders.RAW_MESSAGE, io.nats.client.Message.class);
		Assert.state(raw != null, () -> "No JetStream message in header " + NatsHeaders.RAW_MESSAGE);
		return raw;
	}

	/**
	 * What the handler's list holds for each message.
	 */
	private enum ElementKind {

		PAYLOAD, NATS_MESSAGE, SPRING_MESSAGE

	}

	/**
	 * Converts a message's payload to the list's element type rather than to the type of
	 * the parameter, which is the list.
	 */
	private static final class ElementPayloadResolver extends NatsPayloadArgumentResolver {

		ElementPayloadResolver(MessageConverter converter, @Nullable Validator validator) {
			super(converter, validator);
		}

		@Override
		protected Class<?> resolveTargetClass(MethodParameter parameter, Message<?> message) {
			return parameter.getNestedParameterType();
		}

	}

}

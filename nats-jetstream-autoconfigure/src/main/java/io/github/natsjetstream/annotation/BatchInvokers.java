package io.github.natsjetstream.annotation;

import java.lang.reflect.Method;

import io.github.natsjetstream.config.BatchHandlerInvoker;
import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.config.SettingSource;
import io.github.natsjetstream.listener.adapter.BatchMethodInvoker;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.validation.Validator;

/**
 * Decides whether a handler method handles batches (it takes one {@code List}), checks
 * that the batch settings fit the method, and makes its invoker.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class BatchInvokers {

	private final MessageConverter converter;

	private final @Nullable Validator validator;

	/**
	 * Create a new instance.
	 * @param converter converts payloads to the elements of a batch method's list
	 * @param validator validates converted payloads, or {@code null}
	 */
	BatchInvokers(MessageConverter converter, @Nullable Validator validator) {
		this.converter = converter;
		this.validator = validator;
	}

	/**
	 * Return whether a method handles batches.
	 * @param method the method
	 * @return whether it takes one {@code List}
	 */
	boolean isBatchMethod(Method method) {
		return BatchMethodInvoker.isBatchMethod(method);
	}

	/**
	 * Make the invoker of a batch method, checking its settings.
	 * @param bean the bean
	 * @param method the batch method
	 * @param id the handler id
	 * @param description the handler method, for errors
	 * @param settings the handler's resolved settings
	 * @return the invoker
	 */
	BatchHandlerInvoker create(Object bean, Method method, String id, String description, HandlerSettings settings) {
		int limit = settings.maxAckPending() / 2;
		if (settings.batchSize() > limit) {
			throw new InvalidHandlerException("Invalid batchSize '" + settings.batchSize() + "' of handler '" + id
					+ "' (" + description + "), from " + settings.sourceOf("batchSize").describe(id, "batchSize")
					+ ": must be at most half of maxAckPending (" + settings.maxAckPending() + "), " + limit
					+ ", since one instance holds at most half of it: lower batchSize or raise maxAckPending");
		}
		try {
			return new BatchMethodInvoker(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), this.converter,
					this.validator);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidHandlerException("Batch handler " + description + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Check that a handler that does not handle batches declares no batch setting.
	 * @param id the handler id
	 * @param description the handler, for errors
	 * @param settings the handler's resolved settings
	 */
	void checkNoBatchSettings(String id, String description, HandlerSettings settings) {
		for (String setting : new String[] { "batchSize", "batchWait" }) {
			SettingSource source = settings.sourceOf(setting);
			if (source != SettingSource.DEFAULT) {
				throw new InvalidHandlerException("Invalid " + setting + " of handler '" + id + "' (" + description
						+ "), from " + source.describe(id, setting) + ": only a method taking a List handles batches; "
						+ "remove the setting or make the method take a List<...>");
			}
		}
	}

	/**
	 * Check that a route of a class-level handler does not take a list: routing is per
	 * message.
	 * @param route the route method
	 * @param description the route, for errors
	 */
	void checkRoute(Method route, String description) {
		if (isBatchMethod(route)) {
			throw new InvalidHandlerException("@NatsRoute method " + description + " takes a List, but a class-level "
					+ "@NatsHandler routes one message at a time: batch handlers are method-level @NatsHandler methods");
		}
	}

}

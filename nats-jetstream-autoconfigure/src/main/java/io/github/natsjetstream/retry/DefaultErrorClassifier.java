package io.github.natsjetstream.retry;

import java.util.List;

import io.github.natsjetstream.routing.NoRouteException;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;

/**
 * The default {@link ErrorClassifier}: no route, conversion and validation failures, and
 * the handler's {@code noRetryFor} exception types (anywhere in the cause chain) are not
 * retried; the handler's own classifier, if any, decides about the rest.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class DefaultErrorClassifier implements ErrorClassifier {

	private final List<Class<? extends Throwable>> noRetryFor;

	private final @Nullable ErrorClassifier next;

	/**
	 * Create a new instance.
	 * @param noRetryFor exception types that are not retried
	 */
	public DefaultErrorClassifier(List<Class<? extends Throwable>> noRetryFor) {
		this(noRetryFor, null);
	}

	/**
	 * Create a new instance that consults another classifier for what it would retry.
	 * @param noRetryFor exception types that are not retried
	 * @param next the classifier to consult next, or {@code null}
	 */
	public DefaultErrorClassifier(List<Class<? extends Throwable>> noRetryFor, @Nullable ErrorClassifier next) {
		this.noRetryFor = List.copyOf(noRetryFor);
		this.next = next;
	}

	@Override
	public @Nullable DeadLetterReason classify(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = nextCause(candidate)) {
			if (candidate instanceof NoRouteException) {
				return DeadLetterReason.NO_ROUTE;
			}
			if (candidate instanceof MethodArgumentNotValidException) {
				return DeadLetterReason.VALIDATION;
			}
			if (candidate instanceof MessageConversionException) {
				return DeadLetterReason.CONVERSION;
			}
			for (Class<? extends Throwable> type : this.noRetryFor) {
				if (type.isInstance(candidate)) {
					return DeadLetterReason.NON_RETRYABLE;
				}
			}
		}
		return (this.next != null) ? this.next.classify(failure) : null;
	}

	private static @Nullable Throwable nextCause(Throwable throwable) {
		Throwable cause = throwable.getCause();
		return (cause != throwable) ? cause : null;
	}

}

package io.github.natsjetstream.listener;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import io.github.natsjetstream.config.BatchHandlerInvoker;
import io.github.natsjetstream.listener.adapter.SpringMessageFactory;
import io.github.natsjetstream.retry.FailureHandler;
import io.github.natsjetstream.retry.NatsBatchFailedException;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Hands a batch of messages to a batch handler and settles each message by the outcome,
 * as Spring Kafka's batch listeners do:
 * <ul>
 * <li>a message delivered more often than the handler's max deliver is dead-lettered
 * without being handed over, as for single-message handlers;</li>
 * <li>a message that cannot be converted is dead-lettered with reason
 * {@code conversion} (or validation) on its own, and the others are handed over;</li>
 * <li>when the handler returns, every message handed over is acknowledged;</li>
 * <li>when it throws a {@link NatsBatchFailedException}, the messages before the failed
 * one are acknowledged, the failed one goes through the handler's failure path (retry
 * with backoff, dead letter) with the exception's cause, and those after it are returned
 * without delay;</li>
 * <li>when it throws anything else, every message handed over goes through the failure
 * path: retried with the backoff, dead-lettered past max deliver, each on its own
 * delivery count.</li>
 * </ul>
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class BatchDispatcher {

	private static final Log logger = LogFactory.getLog(BatchDispatcher.class);

	private final String name;

	private final BatchHandlerInvoker invoker;

	private final FailureHandler failureHandler;

	BatchDispatcher(String name, BatchHandlerInvoker invoker, FailureHandler failureHandler) {
		this.name = name;
		this.invoker = invoker;
		this.failureHandler = failureHandler;
	}

	/**
	 * Hand a batch to the handler and settle every message of it.
	 * @param messages the messages, in the order they arrived
	 */
	void dispatch(List<Message> messages) {
		List<Message> handedOver = new ArrayList<>(messages.size());
		List<Object> elements = new ArrayList<>(messages.size());
		for (Message message : messages) {
			long delivery = message.metaData().deliveredCount();
			if (this.failureHandler.giveUpIfExhausted(message, delivery)) {
				continue;
			}
			try {
				elements.add(this.invoker.convert(SpringMessageFactory.create(message)));
				handedOver.add(message);
			}
			catch (Exception ex) {
				this.failureHandler.handleFailure(message, delivery, ex);
			}
		}
		if (handedOver.isEmpty()) {
			return;
		}
		try {
			this.invoker.invokeBatch(elements);
		}
		catch (NatsBatchFailedException ex) {
			settlePartly(handedOver, elements, ex);
			return;
		}
		catch (Throwable ex) {
			Throwable failure = unwrap(ex);
			for (Message message : handedOver) {
				this.failureHandler.handleFailure(message, message.metaData().deliveredCount(), failure);
			}
			return;
		}
		handedOver.forEach(this::acknowledge);
	}

	private void settlePartly(List<Message> handedOver, List<Object> elements, NatsBatchFailedException ex) {
		int failed = ex.indexIn(elements);
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (failed < 0) {
			logger.warn("Batch handler " + this.name + " threw a NatsBatchFailedException naming no element of its "
					+ "batch of " + elements.size() + "; the whole batch fails");
			for (Message message : handedOver) {
				this.failureHandler.handleFailure(message, message.metaData().deliveredCount(), cause);
			}
			return;
		}
		for (int i = 0; i < failed; i++) {
			acknowledge(handedOver.get(i));
		}
		Message failedMessage = handedOver.get(failed);
		this.failureHandler.handleFailure(failedMessage, failedMessage.metaData().deliveredCount(), cause);
		for (int i = failed + 1; i < handedOver.size(); i++) {
			handedOver.get(i).nak();
		}
	}

	private void acknowledge(Message message) {
		try {
			message.ack();
		}
		catch (RuntimeException ex) {
			logger.warn("Batch handler " + this.name + " handled message " + message.getSubject()
					+ " but could not acknowledge it; the server will redeliver it after the ack wait: "
					+ ex.getMessage());
		}
	}

	private static Throwable unwrap(Throwable ex) {
		if (ex instanceof InvocationTargetException ite && ite.getTargetException() != null) {
			return ite.getTargetException();
		}
		return ex;
	}

}

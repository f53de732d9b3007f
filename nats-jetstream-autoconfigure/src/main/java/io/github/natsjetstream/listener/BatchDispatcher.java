package io.github.natsjetstream.listener;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.config.BatchHandlerInvoker;
import io.github.natsjetstream.listener.HandlerObservations.Handling;
import io.github.natsjetstream.listener.adapter.SpringMessageFactory;
import io.github.natsjetstream.observation.NatsHandlerMdc;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.github.natsjetstream.retry.FailureHandler;
import io.github.natsjetstream.retry.NatsBatchFailedException;
import io.micrometer.observation.Observation;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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
 * When handlings are recorded, each message of the batch is a {@code nats.handler}
 * observation (or a timing of its timer) from the hand-over until it is settled, in scope (and
 * in the MDC) while its failure is handled, so that its dead letter carries its trace
 * context. The batch handler itself runs with the handler id in the MDC, in no message's
 * scope.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class BatchDispatcher {

	private static final Log logger = LogFactory.getLog(BatchDispatcher.class);

	private final String name;

	private final BatchHandlerInvoker invoker;

	private final FailureHandler failureHandler;

	private final HandlerObservations observations;

	private final NatsHandlerMdc mdc;

	BatchDispatcher(String name, BatchHandlerInvoker invoker, FailureHandler failureHandler,
			HandlerObservations observations, NatsHandlerMdc mdc) {
		this.name = name;
		this.invoker = invoker;
		this.failureHandler = failureHandler;
		this.observations = observations;
		this.mdc = mdc;
	}

	/**
	 * Hand a batch to the handler and settle every message of it.
	 * @param messages the messages, in the order they arrived
	 */
	void dispatch(List<Message> messages) {
		Map<Message, Handling> observed = startObservations(messages);
		try {
			dispatch(messages, observed);
		}
		catch (RuntimeException | Error ex) {
			if (observed != null) {
				observed.values().forEach((handling) -> {
					handling.error(ex);
					handling.stop(NatsHandlerOutcome.ERROR);
				});
			}
			throw ex;
		}
	}

	private void dispatch(List<Message> messages, @Nullable Map<Message, Handling> observed) {
		List<Message> handedOver = new ArrayList<>(messages.size());
		List<Object> elements = new ArrayList<>(messages.size());
		for (Message message : messages) {
			long delivery = message.metaData().deliveredCount();
			if (this.failureHandler.isExhausted(delivery)) {
				giveUp(message, delivery, observed);
				continue;
			}
			try {
				elements.add(this.invoker.convert(SpringMessageFactory.create(message)));
				handedOver.add(message);
			}
			catch (Exception ex) {
				fail(message, ex, observed);
			}
		}
		if (handedOver.isEmpty()) {
			return;
		}
		try {
			this.mdc.putHandler();
			this.invoker.invokeBatch(elements);
		}
		catch (NatsBatchFailedException ex) {
			settlePartly(handedOver, elements, ex, observed);
			return;
		}
		catch (Throwable ex) {
			Throwable failure = unwrap(ex);
			for (Message message : handedOver) {
				fail(message, failure, observed);
			}
			return;
		}
		finally {
			this.mdc.clear();
		}
		for (Message message : handedOver) {
			settled(message, acknowledge(message), observed);
		}
	}

	private void settlePartly(List<Message> handedOver, List<Object> elements, NatsBatchFailedException ex,
			@Nullable Map<Message, Handling> observed) {
		int failed = ex.indexIn(elements);
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (failed < 0) {
			logger.warn("Batch handler " + this.name + " threw a NatsBatchFailedException naming no element of its "
					+ "batch of " + elements.size() + "; the whole batch fails");
			for (Message message : handedOver) {
				fail(message, cause, observed);
			}
			return;
		}
		for (int i = 0; i < failed; i++) {
			Message message = handedOver.get(i);
			settled(message, acknowledge(message), observed);
		}
		fail(handedOver.get(failed), cause, observed);
		for (int i = failed + 1; i < handedOver.size(); i++) {
			Message message = handedOver.get(i);
			message.nak();
			settled(message, NatsHandlerOutcome.RETRY, observed);
		}
	}

	private @Nullable Map<Message, Handling> startObservations(List<Message> messages) {
		if (this.observations.isNoop()) {
			return null;
		}
		Map<Message, Handling> observed = new IdentityHashMap<>(messages.size() * 2);
		for (Message message : messages) {
			observed.put(message, this.observations.start(message));
		}
		return observed;
	}

	/**
	 * Dead-letter a message delivered more often than allowed, within its observation
	 * and with its MDC.
	 */
	private void giveUp(Message message, long delivery, @Nullable Map<Message, Handling> observed) {
		Handling handling = (observed != null) ? observed.get(message) : null;
		this.mdc.put(message, message.metaData());
		NatsHandlerOutcome outcome;
		try (Observation.Scope scope = (handling != null) ? handling.openScope() : null) {
			outcome = this.failureHandler.giveUpIfExhausted(message, delivery);
		}
		finally {
			this.mdc.clear();
		}
		settled(message, (outcome != null) ? outcome : NatsHandlerOutcome.ERROR, observed);
	}

	/**
	 * Let the failure handler redeliver or dead-letter a message, within its observation
	 * and with its MDC.
	 */
	private void fail(Message message, Throwable failure, @Nullable Map<Message, Handling> observed) {
		Handling handling = (observed != null) ? observed.get(message) : null;
		if (handling != null) {
			handling.error(failure);
		}
		this.mdc.put(message, message.metaData());
		NatsHandlerOutcome outcome;
		try (Observation.Scope scope = (handling != null) ? handling.openScope() : null) {
			outcome = this.failureHandler.handleFailure(message, message.metaData().deliveredCount(), failure);
		}
		finally {
			this.mdc.clear();
		}
		settled(message, outcome, observed);
	}

	private static void settled(Message message, NatsHandlerOutcome outcome,
			@Nullable Map<Message, Handling> observed) {
		Handling handling = (observed != null) ? observed.remove(message) : null;
		if (handling != null) {
			handling.stop(outcome);
		}
	}

	private NatsHandlerOutcome acknowledge(Message message) {
		try {
			message.ack();
			return NatsHandlerOutcome.ACK;
		}
		catch (RuntimeException ex) {
			logger.warn("Batch handler " + this.name + " handled message " + message.getSubject()
					+ " but could not acknowledge it; the server will redeliver it after the ack wait: "
					+ ex.getMessage());
			return NatsHandlerOutcome.ERROR;
		}
	}

	private static Throwable unwrap(Throwable ex) {
		if (ex instanceof InvocationTargetException ite && ite.getTargetException() != null) {
			return ite.getTargetException();
		}
		return ex;
	}

}

package io.github.natsjetstream.retry;

import java.time.Clock;
import java.time.Duration;

import io.github.natsjetstream.connection.ServerUrls;
import io.github.natsjetstream.observation.NatsHandlerOutcome;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Handles the failure of a handler on one delivery: redelivers later with the backoff
 * delay ({@code nakWithDelay}, since a consumer's server-side backoff only applies to ack
 * timeouts), or gives up and hands the message to the {@link DeadLetterRecoverer},
 * terminating the original only once the recoverer succeeded. A message is never
 * acknowledged without being handled or recovered.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class FailureHandler {

	private static final Log logger = LogFactory.getLog(FailureHandler.class);

	/**
	 * Delay before redelivering a message whose dead letter could not be published.
	 */
	private static final Duration RECOVERY_RETRY_DELAY = Duration.ofSeconds(5);

	private final String handler;

	private final String durable;

	private final int maxDeliver;

	private final RetryBackoff backoff;

	private final ErrorClassifier classifier;

	private final DeadLetterRecoverer recoverer;

	private final String deadLetterSubject;

	private final Clock clock;

	private final DeadLetterTally deadLetters;

	private volatile @Nullable HandlerFailure lastFailure;

	/**
	 * Create a new instance.
	 * @param handler the handler, for logs
	 * @param durable the consumer's durable name
	 * @param maxDeliver the maximum number of deliveries
	 * @param backoff the delays before redeliveries
	 * @param classifier decides what is retried
	 * @param recoverer recovers messages given up on
	 * @param deadLetterSubject the subject dead letters go to
	 * @param clock the clock for the failure time
	 */
	public FailureHandler(String handler, String durable, int maxDeliver, RetryBackoff backoff,
			ErrorClassifier classifier, DeadLetterRecoverer recoverer, String deadLetterSubject, Clock clock) {
		this(handler, durable, maxDeliver, backoff, classifier, recoverer, deadLetterSubject, clock,
				new DeadLetterTally());
	}

	/**
	 * Create a new instance.
	 * @param handler the handler, for logs
	 * @param durable the consumer's durable name
	 * @param maxDeliver the maximum number of deliveries
	 * @param backoff the delays before redeliveries
	 * @param classifier decides what is retried
	 * @param recoverer recovers messages given up on
	 * @param deadLetterSubject the subject dead letters go to
	 * @param clock the clock for the failure time
	 * @param deadLetters counts the messages recovered, by reason
	 */
	public FailureHandler(String handler, String durable, int maxDeliver, RetryBackoff backoff,
			ErrorClassifier classifier, DeadLetterRecoverer recoverer, String deadLetterSubject, Clock clock,
			DeadLetterTally deadLetters) {
		Assert.notNull(backoff, "'backoff' must not be null");
		Assert.notNull(classifier, "'classifier' must not be null");
		Assert.notNull(recoverer, "'recoverer' must not be null");
		Assert.notNull(deadLetters, "'deadLetters' must not be null");
		this.handler = handler;
		this.durable = durable;
		this.maxDeliver = maxDeliver;
		this.backoff = backoff;
		this.classifier = classifier;
		this.recoverer = recoverer;
		this.deadLetterSubject = deadLetterSubject;
		this.clock = clock;
		this.deadLetters = deadLetters;
	}

	/**
	 * Handle a failed delivery.
	 * @param message the message
	 * @param delivery the number of this delivery, starting at 1
	 * @param failure what the handler threw
	 * @return how the handling ended: {@link NatsHandlerOutcome#RETRY},
	 * {@link NatsHandlerOutcome#DEAD_LETTER}, or {@link NatsHandlerOutcome#ERROR} when
	 * the dead letter could not be published
	 */
	public NatsHandlerOutcome handleFailure(Message message, long delivery, Throwable failure) {
		this.lastFailure = HandlerFailure.of(this.clock.instant(), message.getSubject(), delivery, failure);
		DeadLetterReason reason = classify(failure);
		if (reason == null && delivery >= this.maxDeliver) {
			reason = DeadLetterReason.MAX_DELIVER;
		}
		if (reason != null) {
			return giveUp(message, reason, failure);
		}
		Duration delay = this.backoff.delayAfter(delivery);
		if (logger.isDebugEnabled()) {
			logger.debug("Handler " + this.handler + " failed on delivery " + delivery + " of " + this.maxDeliver
					+ " of message " + message.getSubject() + "; redelivering in " + delay, failure);
		}
		message.nakWithDelay(delay);
		return NatsHandlerOutcome.RETRY;
	}

	/**
	 * Return the last failure of the handler.
	 * @return the last failure, or {@code null} if the handler has not failed
	 */
	public @Nullable HandlerFailure getLastFailure() {
		return this.lastFailure;
	}

	private @Nullable DeadLetterReason classify(Throwable failure) {
		try {
			return this.classifier.classify(failure);
		}
		catch (RuntimeException ex) {
			logger.error("The error classifier of handler " + this.handler + " threw while classifying " + failure
					+ "; the failure is retried", ex);
			return null;
		}
	}

	/**
	 * Return whether a delivery is beyond the maximum number of deliveries, so that
	 * {@link #giveUpIfExhausted} gives up on it.
	 * @param delivery the number of the delivery, starting at 1
	 * @return whether the message is to be given up on without invoking the handler
	 */
	public boolean isExhausted(long delivery) {
		return delivery > this.maxDeliver;
	}

	/**
	 * Give up on a message without invoking the handler if it was delivered more often
	 * than allowed: the handler never returned (it crashed the process on every
	 * delivery, say), or its dead letter could not be published.
	 * @param message the message
	 * @param delivery the number of this delivery, starting at 1
	 * @return {@code null} when the message was not given up on, otherwise
	 * {@link NatsHandlerOutcome#DEAD_LETTER}, or {@link NatsHandlerOutcome#ERROR} when
	 * its dead letter could not be published
	 */
	public @Nullable NatsHandlerOutcome giveUpIfExhausted(Message message, long delivery) {
		if (!isExhausted(delivery)) {
			return null;
		}
		return giveUp(message, DeadLetterReason.MAX_DELIVER, null);
	}

	/**
	 * Return how many messages were dead-lettered, by reason.
	 * @return the tally
	 */
	public DeadLetterTally getDeadLetters() {
		return this.deadLetters;
	}

	private NatsHandlerOutcome giveUp(Message message, DeadLetterReason reason, @Nullable Throwable failure) {
		DeadLetter deadLetter = new DeadLetter(message, reason, failure, this.durable, this.deadLetterSubject,
				this.clock.instant());
		try {
			this.recoverer.recover(deadLetter);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.error("Could not dead-letter message " + message.getSubject() + " of handler " + this.handler
					+ " (reason " + reason.getValue() + ") to " + this.deadLetterSubject + "; it stays in its stream and "
					+ "is redelivered in " + RECOVERY_RETRY_DELAY, ex);
			message.nakWithDelay(RECOVERY_RETRY_DELAY);
			return NatsHandlerOutcome.ERROR;
		}
		this.deadLetters.add(reason);
		logger.warn("Dead-lettered message " + message.getSubject() + " of handler " + this.handler + " to "
				+ this.deadLetterSubject + " (reason " + reason.getValue()
				+ ((failure != null) ? ", " + describe(failure) : "") + ")");
		message.term();
		return NatsHandlerOutcome.DEAD_LETTER;
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getName() + ((message != null) ? ": " + ServerUrls.redactText(message) : "");
	}

}

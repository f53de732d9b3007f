package io.github.natsjetstream.retry;

import java.time.Clock;
import java.time.Duration;

import io.github.natsjetstream.connection.ServerUrls;
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
		Assert.notNull(backoff, "'backoff' must not be null");
		Assert.notNull(classifier, "'classifier' must not be null");
		Assert.notNull(recoverer, "'recoverer' must not be null");
		this.handler = handler;
		this.durable = durable;
		this.maxDeliver = maxDeliver;
		this.backoff = backoff;
		this.classifier = classifier;
		this.recoverer = recoverer;
		this.deadLetterSubject = deadLetterSubject;
		this.clock = clock;
	}

	/**
	 * Handle a failed delivery.
	 * @param message the message
	 * @param delivery the number of this delivery, starting at 1
	 * @param failure what the handler threw
	 */
	public void handleFailure(Message message, long delivery, Throwable failure) {
		DeadLetterReason reason = classify(failure);
		if (reason == null && delivery >= this.maxDeliver) {
			reason = DeadLetterReason.MAX_DELIVER;
		}
		if (reason != null) {
			giveUp(message, reason, failure);
			return;
		}
		Duration delay = this.backoff.delayAfter(delivery);
		if (logger.isDebugEnabled()) {
			logger.debug("Handler " + this.handler + " failed on delivery " + delivery + " of " + this.maxDeliver
					+ " of message " + message.getSubject() + "; redelivering in " + delay, failure);
		}
		message.nakWithDelay(delay);
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
	 * Give up on a message without invoking the handler if it was delivered more often
	 * than allowed: the handler never returned (it crashed the process on every
	 * delivery, say), or its dead letter could not be published.
	 * @param message the message
	 * @param delivery the number of this delivery, starting at 1
	 * @return whether the message was given up on
	 */
	public boolean giveUpIfExhausted(Message message, long delivery) {
		if (delivery <= this.maxDeliver) {
			return false;
		}
		giveUp(message, DeadLetterReason.MAX_DELIVER, null);
		return true;
	}

	private void giveUp(Message message, DeadLetterReason reason, @Nullable Throwable failure) {
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
			return;
		}
		logger.warn("Dead-lettered message " + message.getSubject() + " of handler " + this.handler + " to "
				+ this.deadLetterSubject + " (reason " + reason.getValue()
				+ ((failure != null) ? ", " + describe(failure) : "") + ")");
		message.term();
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getName() + ((message != null) ? ": " + ServerUrls.redactText(message) : "");
	}

}

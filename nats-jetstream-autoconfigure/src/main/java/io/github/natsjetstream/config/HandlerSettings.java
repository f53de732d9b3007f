package io.github.natsjetstream.config;

import java.time.Duration;
import java.util.List;

import io.github.natsjetstream.retry.ErrorClassifier;
import io.github.natsjetstream.retry.RetryBackoff;
import org.jspecify.annotations.Nullable;

/**
 * The resolved settings of one handler's consumer and container.
 *
 * @param concurrency the number of messages handled in parallel
 * @param maxDeliver the maximum number of deliveries before dead-lettering
 * @param backoff the delays before redeliveries
 * @param ackWait the time the server waits for an acknowledgement
 * @param maxAckPending the maximum number of unacknowledged messages
 * @param deliverPolicy where a new consumer starts
 * @param noRetryFor exception types that are dead-lettered at the first failure
 * @param errorClassifier decides which other failures are not retried, or {@code null}
 * @param deadLetterSubject the subject dead letters go to, or {@code null} for the
 * default
 * @param autoStartup whether the handler starts with the context
 * @author NATS JetStream Spring Boot Starter contributors
 */
public record HandlerSettings(int concurrency, int maxDeliver, RetryBackoff backoff, Duration ackWait,
		int maxAckPending, DeliverPolicySetting deliverPolicy, List<Class<? extends Throwable>> noRetryFor,
		@Nullable ErrorClassifier errorClassifier, @Nullable String deadLetterSubject, boolean autoStartup) {

	/**
	 * Return these settings with another error classifier.
	 * @param classifier the error classifier
	 * @return the new settings
	 */
	public HandlerSettings withErrorClassifier(@Nullable ErrorClassifier classifier) {
		return new HandlerSettings(this.concurrency, this.maxDeliver, this.backoff, this.ackWait, this.maxAckPending,
				this.deliverPolicy, this.noRetryFor, classifier, this.deadLetterSubject, this.autoStartup);
	}

}

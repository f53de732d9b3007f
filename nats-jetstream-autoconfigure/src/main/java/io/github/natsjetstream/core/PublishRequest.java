package io.github.natsjetstream.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a publish was about, for the error that reports its failure.
 *
 * @param subject the subject
 * @param message the message, or {@code null} when the payload could not be converted
 * @param options the options
 * @param timeout how long it waited for the acknowledgement
 * @author NATS JetStream Spring Boot Starter contributors
 */
record PublishRequest(String subject, @Nullable OutgoingMessage message, NatsPublishOptions options,
		Duration timeout) {

	/**
	 * Return the size of the message, payload and headers.
	 * @return the size in bytes, or -1 when the payload could not be converted
	 */
	int size() {
		return (this.message != null) ? this.message.size() : -1;
	}

}

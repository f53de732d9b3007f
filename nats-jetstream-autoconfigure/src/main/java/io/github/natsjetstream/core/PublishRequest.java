package io.github.natsjetstream.core;

import java.time.Duration;

/**
 * What a publish was about, for the error that reports its failure.
 *
 * @param subject the subject
 * @param size the size of the message (payload and headers) in bytes, or -1 before it
 * was converted
 * @param options the options
 * @param timeout how long it waited for the acknowledgement
 * @author NATS JetStream Spring Boot Starter contributors
 */
record PublishRequest(String subject, int size, NatsPublishOptions options, Duration timeout) {

}

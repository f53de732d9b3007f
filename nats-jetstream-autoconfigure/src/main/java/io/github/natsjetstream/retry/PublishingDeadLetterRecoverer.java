package io.github.natsjetstream.retry;

import java.nio.charset.StandardCharsets;

import java.io.IOException;

import io.github.natsjetstream.connection.ServerUrls;
import io.github.natsjetstream.observation.DefaultNatsPublishObservationConvention;
import io.github.natsjetstream.observation.NatsPublishContext;
import io.github.natsjetstream.observation.NatsPublishObservation;
import io.github.natsjetstream.observation.NatsPublishObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import io.nats.client.impl.NatsMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Publishes dead letters to the dead-letter stream: the original payload and headers,
 * plus {@link DeadLetterHeaders provenance headers}, with a {@code Nats-Msg-Id} derived
 * from the original stream and sequence so that a retry after a crash never makes a
 * second dead letter. The original's NATS headers ({@code Nats-*}) are kept under
 * {@link DeadLetterHeaders#ORIGINAL_HEADER_PREFIX}: published as they are, the server
 * would act on them again (expectations, rollups, TTLs, schedules, ...) and could refuse
 * the dead letter.
 * <p>
 * When the dead letter can never be accepted as it is (larger than the server's
 * {@code max_payload} once the provenance headers are added, larger than the stream's
 * {@code max_msg_size}, or otherwise refused for what it is), it is published without the
 * original's payload and headers, with {@link DeadLetterHeaders#PAYLOAD_OMITTED} saying
 * why; {@link DeadLetterHeaders#ORIGINAL_STREAM} and
 * {@link DeadLetterHeaders#ORIGINAL_SEQUENCE} locate the original. Any other failure
 * (timeouts, no responders, a full stream) is thrown, so that the original is
 * redelivered and recovered later. Returns only when the stream has acknowledged the
 * dead letter.
 * <p>
 * Each publish is a {@code nats.publish} observation when an {@link ObservationRegistry}
 * is set. Recovering runs within the {@code nats.handler} observation of the message, so
 * with Micrometer Tracing the dead letter carries the trace context of its handling
 * ({@code traceparent}, replacing the original's), and a replay of it continues that
 * trace.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class PublishingDeadLetterRecoverer implements DeadLetterRecoverer {

	private static final Log logger = LogFactory.getLog(PublishingDeadLetterRecoverer.class);

	private static final int MAX_EXCEPTION_MESSAGE_BYTES = 1024;

	private final JetStream jetStream;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable NatsPublishObservationConvention observationConvention;

	/**
	 * Create a new instance.
	 * @param jetStream the JetStream context to publish with
	 */
	public PublishingDeadLetterRecoverer(JetStream jetStream) {
		Assert.notNull(jetStream, "'jetStream' must not be null");
		this.jetStream = jetStream;
	}

	/**
	 * Set the registry of the {@code nats.publish} observations of dead letters.
	 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP} (the
	 * default) observes nothing
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention of the {@code nats.publish} observations of dead letters.
	 * @param observationConvention the convention, or {@code null} for
	 * {@link DefaultNatsPublishObservationConvention}
	 */
	public void setObservationConvention(@Nullable NatsPublishObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public void recover(DeadLetter deadLetter) throws Exception {
		Message original = deadLetter.message();
		NatsJetStreamMetaData metaData = original.metaData();
		PublishOptions options = PublishOptions.builder()
			.messageId("dlq:" + metaData.getStream() + ":" + metaData.streamSequence())
			.build();
		Headers headers = OriginalHeaders.forDeadLetter(original.getHeaders());
		addProvenance(headers, deadLetter);
		try {
			publish(deadLetter, headers, original.getData(), options);
		}
		catch (JetStreamApiException | IllegalArgumentException ex) {
			String refusal = DeadLetterRefusal.permanentReason(ex);
			if (refusal == null) {
				throw ex;
			}
			logger.warn("Dead letter of message " + metaData.streamSequence() + " of stream '" + metaData.getStream()
					+ "' (" + original.getSubject() + ") was " + refusal + "; publishing it to "
					+ deadLetter.deadLetterSubject() + " without its payload and headers");
			Headers provenance = new Headers();
			addProvenance(provenance, deadLetter);
			provenance.put(DeadLetterHeaders.PAYLOAD_OMITTED, refusal);
			publish(deadLetter, provenance, null, options);
		}
	}

	/**
	 * Publish a dead letter, observed. The observation starts before the message is
	 * made, so that trace propagation writes into its headers.
	 */
	private void publish(DeadLetter deadLetter, Headers headers, byte @Nullable [] data, PublishOptions options)
			throws IOException, JetStreamApiException {
		if (this.observationRegistry.isNoop()) {
			this.jetStream.publish(letter(deadLetter, headers, data), options);
			return;
		}
		NatsPublishContext context = new NatsPublishContext(deadLetter.deadLetterSubject(), headers);
		Observation observation = NatsPublishObservation.PUBLISH
			.observation(this.observationConvention, DefaultNatsPublishObservationConvention.INSTANCE, () -> context,
					this.observationRegistry)
			.start();
		try {
			PublishAck ack = this.jetStream.publish(letter(deadLetter, headers, data), options);
			context.setAck(ack);
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			context.setFailure(outcome(ex), null);
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Return the {@code outcome} of a failed dead-letter publish.
	 */
	private static String outcome(Exception ex) {
		if (ex instanceof JetStreamApiException) {
			return "rejected";
		}
		if (ex instanceof IllegalArgumentException) {
			return "payload-too-large";
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		if (message.startsWith("Error Publishing: 503")) {
			return "no-stream";
		}
		if (message.startsWith("Timeout or no response")) {
			return "timeout";
		}
		return "connection";
	}

	private static NatsMessage letter(DeadLetter deadLetter, Headers headers, byte @Nullable [] data) {
		return NatsMessage.builder().subject(deadLetter.deadLetterSubject()).headers(headers).data(data).build();
	}

	private static void addProvenance(Headers headers, DeadLetter deadLetter) {
		Message original = deadLetter.message();
		NatsJetStreamMetaData metaData = original.metaData();
		headers.put(DeadLetterHeaders.ORIGINAL_STREAM, metaData.getStream());
		headers.put(DeadLetterHeaders.ORIGINAL_SUBJECT, original.getSubject());
		headers.put(DeadLetterHeaders.ORIGINAL_SEQUENCE, Long.toString(metaData.streamSequence()));
		headers.put(DeadLetterHeaders.CONSUMER, deadLetter.consumer());
		headers.put(DeadLetterHeaders.DELIVERIES, Long.toString(metaData.deliveredCount()));
		headers.put(DeadLetterHeaders.REASON, deadLetter.reason().getValue());
		headers.put(DeadLetterHeaders.FAILED_AT, deadLetter.failedAt().toString());
		Throwable failure = deadLetter.failure();
		if (failure != null) {
			headers.put(DeadLetterHeaders.EXCEPTION, failure.getClass().getName());
			String message = headerSafe(failure.getMessage());
			if (message != null) {
				headers.put(DeadLetterHeaders.EXCEPTION_MESSAGE, message);
			}
		}
	}

	/**
	 * Make an exception message fit for a header: no URL credentials, no control
	 * characters, at most 1 KiB of UTF-8.
	 */
	static @Nullable String headerSafe(@Nullable String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		message = ServerUrls.redactText(message);
		StringBuilder text = new StringBuilder(Math.min(message.length(), MAX_EXCEPTION_MESSAGE_BYTES));
		int bytes = 0;
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			char safe = (c < 0x20 || c == 0x7f) ? ' ' : c;
			int size = String.valueOf(safe).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > MAX_EXCEPTION_MESSAGE_BYTES) {
				break;
			}
			text.append(safe);
			bytes += size;
		}
		return text.toString().trim();
	}

}

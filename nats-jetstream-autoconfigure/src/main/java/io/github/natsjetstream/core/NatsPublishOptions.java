package io.github.natsjetstream.core;

import java.time.Duration;

import io.nats.client.MessageTtl;
import io.nats.client.impl.Headers;
import io.nats.client.support.NatsJetStreamConstants;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Options of one publish with the {@link JetStreamTemplate}: headers, a message id for
 * deduplication, expectations for optimistic concurrency, a per-message TTL and a
 * timeout. Immutable; build one with {@link #builder()}:
 * <pre class="code">
 * template.publish("orders.created", order, NatsPublishOptions.builder()
 *     .messageId(order.id())
 *     .expectedLastSubjectSequence(0)
 *     .build());
 * </pre>
 * The JetStream settings travel as the headers JetStream defines for them
 * ({@code Nats-Msg-Id}, {@code Nats-Expected-*}, {@code Nats-TTL}), and win over
 * headers of the same name.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class NatsPublishOptions {

	private static final NatsPublishOptions NONE = builder().build();

	private final Headers headers;

	private final @Nullable String messageId;

	private final @Nullable String expectedStream;

	private final @Nullable Long expectedLastSequence;

	private final @Nullable Long expectedLastSubjectSequence;

	private final @Nullable String expectedLastMessageId;

	private final @Nullable Duration messageTtl;

	private final @Nullable Duration timeout;

	private NatsPublishOptions(Builder builder) {
		Headers headers = new Headers(builder.headers);
		putIfSet(headers, NatsJetStreamConstants.MSG_ID_HDR, builder.messageId);
		putIfSet(headers, NatsJetStreamConstants.EXPECTED_STREAM_HDR, builder.expectedStream);
		putIfSet(headers, NatsJetStreamConstants.EXPECTED_LAST_SEQ_HDR, builder.expectedLastSequence);
		putIfSet(headers, NatsJetStreamConstants.EXPECTED_LAST_SUB_SEQ_HDR, builder.expectedLastSubjectSequence);
		putIfSet(headers, NatsJetStreamConstants.EXPECTED_LAST_MSG_ID_HDR, builder.expectedLastMessageId);
		if (builder.messageTtl != null) {
			headers.put(NatsJetStreamConstants.MSG_TTL_HDR,
					MessageTtl.seconds((int) builder.messageTtl.toSeconds()).getTtlString());
		}
		this.headers = new Headers(headers, true);
		this.messageId = builder.messageId;
		this.expectedStream = builder.expectedStream;
		this.expectedLastSequence = builder.expectedLastSequence;
		this.expectedLastSubjectSequence = builder.expectedLastSubjectSequence;
		this.expectedLastMessageId = builder.expectedLastMessageId;
		this.messageTtl = builder.messageTtl;
		this.timeout = builder.timeout;
	}

	private static void putIfSet(Headers headers, String name, @Nullable Object value) {
		if (value != null) {
			headers.put(name, value.toString());
		}
	}

	/**
	 * Return a new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return options that set nothing.
	 * @return the empty options
	 */
	public static NatsPublishOptions none() {
		return NONE;
	}

	/**
	 * Return the headers to publish: those given and the JetStream headers of the other
	 * options.
	 * @return the headers, read-only
	 */
	public Headers getHeaders() {
		return this.headers;
	}

	/**
	 * Return the message id ({@code Nats-Msg-Id}) by which the stream recognises a
	 * duplicate within its duplicate window.
	 * @return the message id, or {@code null}
	 */
	public @Nullable String getMessageId() {
		return this.messageId;
	}

	/**
	 * Return the name of the stream that must capture the subject.
	 * @return the stream name, or {@code null}
	 */
	public @Nullable String getExpectedStream() {
		return this.expectedStream;
	}

	/**
	 * Return the sequence the stream's last message must have.
	 * @return the sequence, or {@code null}
	 */
	public @Nullable Long getExpectedLastSequence() {
		return this.expectedLastSequence;
	}

	/**
	 * Return the sequence the last message on the subject must have; 0 for none.
	 * @return the sequence, or {@code null}
	 */
	public @Nullable Long getExpectedLastSubjectSequence() {
		return this.expectedLastSubjectSequence;
	}

	/**
	 * Return the message id the stream's last message must have.
	 * @return the message id, or {@code null}
	 */
	public @Nullable String getExpectedLastMessageId() {
		return this.expectedLastMessageId;
	}

	/**
	 * Return how long the stream keeps the message.
	 * @return the time to live, or {@code null} for the stream's own limits
	 */
	public @Nullable Duration getMessageTtl() {
		return this.messageTtl;
	}

	/**
	 * Return how long to wait for the acknowledgement.
	 * @return the timeout, or {@code null} for the template's
	 */
	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Builder of {@link NatsPublishOptions}.
	 */
	public static final class Builder {

		private final Headers headers = new Headers();

		private @Nullable String messageId;

		private @Nullable String expectedStream;

		private @Nullable Long expectedLastSequence;

		private @Nullable Long expectedLastSubjectSequence;

		private @Nullable String expectedLastMessageId;

		private @Nullable Duration messageTtl;

		private @Nullable Duration timeout;

		private Builder() {
		}

		/**
		 * Add a header.
		 * @param name the header name
		 * @param values its values
		 * @return this builder
		 */
		public Builder header(String name, String... values) {
			Assert.hasText(name, "'name' must not be empty");
			this.headers.add(name, values);
			return this;
		}

		/**
		 * Add headers.
		 * @param headers the headers
		 * @return this builder
		 */
		public Builder headers(Headers headers) {
			Assert.notNull(headers, "'headers' must not be null");
			headers.forEach(this.headers::add);
			return this;
		}

		/**
		 * Set the message id ({@code Nats-Msg-Id}): the stream stores a message once per
		 * id within its duplicate window and acknowledges a repeat as a duplicate.
		 * @param messageId the message id
		 * @return this builder
		 */
		public Builder messageId(String messageId) {
			Assert.hasText(messageId, "'messageId' must not be empty");
			this.messageId = messageId;
			return this;
		}

		/**
		 * Require the subject to be captured by the given stream.
		 * @param stream the stream name
		 * @return this builder
		 */
		public Builder expectedStream(String stream) {
			Assert.hasText(stream, "'stream' must not be empty");
			this.expectedStream = stream;
			return this;
		}

		/**
		 * Require the stream's last message to have the given sequence.
		 * @param sequence the sequence
		 * @return this builder
		 */
		public Builder expectedLastSequence(long sequence) {
			Assert.isTrue(sequence >= 0, () -> "'sequence' must not be negative, but was " + sequence);
			this.expectedLastSequence = sequence;
			return this;
		}

		/**
		 * Require the last message on the subject to have the given sequence; 0 requires
		 * that the subject has no message yet.
		 * @param sequence the sequence
		 * @return this builder
		 */
		public Builder expectedLastSubjectSequence(long sequence) {
			Assert.isTrue(sequence >= 0, () -> "'sequence' must not be negative, but was " + sequence);
			this.expectedLastSubjectSequence = sequence;
			return this;
		}

		/**
		 * Require the stream's last message to have the given message id.
		 * @param messageId the message id
		 * @return this builder
		 */
		public Builder expectedLastMessageId(String messageId) {
			Assert.hasText(messageId, "'messageId' must not be empty");
			this.expectedLastMessageId = messageId;
			return this;
		}

		/**
		 * Set how long the stream keeps this message ({@code Nats-TTL}). Needs nats-server
		 * 2.11 or later and a stream that allows per-message TTLs ({@code allow-msg-ttl}).
		 * @param ttl the time to live, a whole number of seconds, at least one
		 * @return this builder
		 */
		public Builder messageTtl(Duration ttl) {
			Assert.notNull(ttl, "'ttl' must not be null");
			Assert.isTrue(ttl.toSeconds() >= 1 && ttl.toSeconds() <= Integer.MAX_VALUE && ttl.toNanosPart() == 0,
					() -> "'ttl' must be a whole number of seconds, at least 1s, but was " + ttl);
			this.messageTtl = ttl;
			return this;
		}

		/**
		 * Set how long to wait for the stream's acknowledgement, instead of the template's
		 * timeout.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.notNull(timeout, "'timeout' must not be null");
			Assert.isTrue(!timeout.isNegative() && !timeout.isZero(),
					() -> "'timeout' must be positive, but was " + timeout);
			this.timeout = timeout;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public NatsPublishOptions build() {
			return new NatsPublishOptions(this);
		}

	}

}

package io.github.natsjetstream.core;

import io.nats.client.Connection;
import io.nats.client.api.ServerInfo;

/**
 * Checks a message before it is sent, for what the server would refuse without a clear
 * error, or not notice: a message larger than its {@code max_payload} (the server closes
 * the connection), and a per-message TTL on a server older than 2.11 (the server ignores
 * it and keeps the message for as long as the stream's limits allow).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class PublishChecks {

	private static final String MESSAGE_TTL_SINCE = "2.11.0";

	private final Connection connection;

	private final StreamLookup streams;

	PublishChecks(Connection connection, StreamLookup streams) {
		this.connection = connection;
		this.streams = streams;
	}

	/**
	 * Check a message.
	 * @param subject the subject
	 * @param size the size of the message, payload and headers, in bytes
	 * @param options the options
	 * @throws NatsPublishException when the message cannot be published as asked
	 */
	void check(String subject, int size, NatsPublishOptions options) {
		long maxPayload = this.connection.getMaxPayload();
		if (maxPayload > 0 && size > maxPayload) {
			throw PublishFailures.payloadTooLarge(subject, size, maxPayload, null);
		}
		if (options.getMessageTtl() != null) {
			ServerInfo server = this.connection.getServerInfo();
			if (server != null && server.isOlderThanVersion(MESSAGE_TTL_SINCE)) {
				throw PublishFailures.messageTtlUnsupported(subject, this.streams.streamFor(subject),
						server.getVersion());
			}
		}
	}

}

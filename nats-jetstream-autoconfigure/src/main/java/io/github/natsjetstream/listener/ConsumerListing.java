package io.github.natsjetstream.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import io.nats.client.Message;

import org.springframework.util.Assert;

/**
 * Lists the numbers of every consumer of a stream with the JetStream API's consumer
 * list, a page (up to 256 consumers) a request, read by {@link ConsumerListPage} rather
 * than into jnats' {@code ConsumerInfo}: the same requests as
 * {@code JetStreamManagement.getConsumers}, without parsing what is not kept.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ConsumerListing {

	private final Connection connection;

	private final String subjectPrefix;

	private final Duration timeout;

	/**
	 * Create a new instance.
	 * @param connection the connection
	 * @param options the JetStream options: the API prefix (or domain) and the request
	 * timeout, as the management context uses them
	 */
	ConsumerListing(Connection connection, JetStreamOptions options) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(options, "'options' must not be null");
		this.connection = connection;
		this.subjectPrefix = options.getPrefix() + "CONSUMER.LIST.";
		Duration timeout = options.getRequestTimeout();
		this.timeout = (timeout != null) ? timeout : connection.getOptions().getConnectionTimeout();
	}

	/**
	 * List the consumers of a stream.
	 * @param stream the stream
	 * @return the consumers' numbers by consumer name
	 * @throws IOException when a page is not answered, or answered with an error
	 * @throws InterruptedException when interrupted while waiting for a page
	 */
	Map<String, ConsumerListPage.Entry> list(String stream) throws IOException, InterruptedException {
		Map<String, ConsumerListPage.Entry> consumers = new HashMap<>();
		String subject = this.subjectPrefix + stream;
		long offset = 0;
		while (true) {
			ConsumerListPage page = page(subject, offset);
			for (ConsumerListPage.Entry entry : page.consumers()) {
				consumers.put(entry.name(), entry);
			}
			offset = page.offset() + page.consumers().size();
			if (page.consumers().isEmpty() || offset >= page.total()) {
				return consumers;
			}
		}
	}

	private ConsumerListPage page(String subject, long offset) throws IOException, InterruptedException {
		byte[] request = ("{\"offset\":" + offset + "}").getBytes(StandardCharsets.US_ASCII);
		Message answer = this.connection.request(subject, request, this.timeout);
		if (answer == null) {
			throw new IOException("No answer to '" + subject + "' within " + this.timeout);
		}
		if (answer.isStatusMessage()) {
			throw new IOException("'" + subject + "' answered with status " + answer.getStatus().getCode() + " "
					+ answer.getStatus().getMessage());
		}
		ConsumerListPage page;
		try {
			page = ConsumerListPage.parse(answer.getData());
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("Could not read the answer to '" + subject + "'", ex);
		}
		if (page.error() != null) {
			throw new IOException("'" + subject + "' answered with an error: " + page.error());
		}
		return page;
	}

}

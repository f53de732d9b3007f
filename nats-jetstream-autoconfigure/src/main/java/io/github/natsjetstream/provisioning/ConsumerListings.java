package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The consumers of each stream from one listing, so that starting a thousand handlers
 * over a few streams reads their durables with one request per stream (a page holds 256
 * consumers) rather than one per handler. Each listed consumer is handed out once, and
 * only while the listing is fresh: a later read of the same durable (a consumer deleted
 * from outside and recreated) goes to the server. A durable the listing does not hold is
 * read from the server too, since another instance may have created it since.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ConsumerListings {

	private static final Log logger = LogFactory.getLog(ConsumerListings.class);

	private static final long MAX_AGE_NANOS = 30_000_000_000L;

	private final JetStreamManagement management;

	private final Map<String, Listing> listings = new HashMap<>();

	ConsumerListings(JetStreamManagement management) {
		this.management = management;
	}

	/**
	 * Return the configuration of a durable as listed, once.
	 * @param stream the stream
	 * @param durable the durable's name
	 * @return the listed configuration, or {@code null} when the listing does not hold it
	 * (any more), or could not be read: then read the durable from the server
	 */
	synchronized @Nullable ConsumerConfiguration take(String stream, String durable) {
		long now = System.nanoTime();
		Listing listing = this.listings.get(stream);
		if (listing == null || now - listing.readAt > MAX_AGE_NANOS) {
			listing = read(stream, now);
			this.listings.put(stream, listing);
		}
		return listing.consumers.remove(durable);
	}

	private Listing read(String stream, long now) {
		Map<String, ConsumerConfiguration> consumers = new HashMap<>();
		try {
			for (ConsumerInfo info : this.management.getConsumers(stream)) {
				consumers.put(info.getName(), info.getConsumerConfiguration());
			}
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			logger.debug("Could not list the consumers of stream '" + stream + "'; reading them one by one", ex);
		}
		return new Listing(now, consumers);
	}

	private record Listing(long readAt, Map<String, ConsumerConfiguration> consumers) {
	}

}

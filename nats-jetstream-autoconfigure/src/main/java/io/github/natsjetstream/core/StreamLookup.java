package io.github.natsjetstream.core;

import java.io.IOException;
import java.util.List;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Finds, for an error message, the stream that captures a subject and its
 * configuration. Used only once a publish failed; a failed lookup gives {@code null}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class StreamLookup {

	private final JetStreamManagement management;

	StreamLookup(JetStreamManagement management) {
		this.management = management;
	}

	/**
	 * Return the name of the stream that captures the subject.
	 * @param subject the subject
	 * @return the stream name, or {@code null} when none does or the server did not say
	 */
	@Nullable String streamFor(String subject) {
		try {
			List<String> names = this.management.getStreamNames(subject);
			return names.isEmpty() ? null : names.get(0);
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Return the configuration of a stream.
	 * @param stream the stream name
	 * @return the configuration, or {@code null} when the server did not say
	 */
	@Nullable StreamConfiguration configuration(String stream) {
		try {
			return this.management.getStreamInfo(stream).getConfiguration();
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			return null;
		}
	}

}

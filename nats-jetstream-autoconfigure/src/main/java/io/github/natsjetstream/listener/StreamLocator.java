package io.github.natsjetstream.listener;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;

/**
 * Asks the server which stream captures a handler's subjects.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class StreamLocator {

	private StreamLocator() {
	}

	/**
	 * Return the one stream that captures the subjects.
	 * @param management the JetStream management context
	 * @param subjects the handler's subjects
	 * @param handler the handler, for errors
	 * @return the stream name
	 * @throws InvalidHandlerException when no stream or several streams capture them
	 */
	static String locate(JetStreamManagement management, List<String> subjects, String handler) {
		Set<String> streams = new TreeSet<>();
		try {
			for (String subject : subjects) {
				streams.addAll(management.getStreamNames(subject));
			}
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException(
					"Could not look up the stream capturing " + subjects + " for handler " + handler, ex);
		}
		if (streams.isEmpty()) {
			throw new InvalidHandlerException("No stream captures subjects " + subjects + " of handler " + handler
					+ ": declare one under nats.jetstream.streams.<name>.subjects, or name it with @NatsHandler(stream = ...)");
		}
		if (streams.size() > 1) {
			throw new InvalidHandlerException("Several streams " + streams + " capture subjects " + subjects
					+ " of handler " + handler + ": name the one to consume with @NatsHandler(stream = ...)");
		}
		return streams.iterator().next();
	}

}

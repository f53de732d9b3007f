package io.github.natsjetstream.listener;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.routing.SubjectPattern;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Knows which streams capture which subjects, from one listing of the streams shared by
 * every handler container: starting a thousand handlers makes one request, not one per
 * handler. An answer that is not exactly one stream is checked against a fresh listing
 * before it counts, and a listing older than half a minute is not used.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class StreamDirectory {

	private static final long MAX_AGE_NANOS = 30_000_000_000L;

	private final JetStreamManagement management;

	private volatile @Nullable Listing listing;

	/**
	 * Create a new directory.
	 * @param management the management context to list streams with
	 */
	public StreamDirectory(JetStreamManagement management) {
		Assert.notNull(management, "'management' must not be null");
		this.management = management;
	}

	/**
	 * Return the one stream that captures a handler's subjects.
	 * @param subjects the handler's subjects
	 * @param handler the handler, for errors
	 * @return the stream name
	 * @throws InvalidHandlerException when no stream or several streams capture them
	 */
	String locate(List<String> subjects, String handler) {
		Set<String> streams = capturing(subjects, handler);
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

	/**
	 * Return the streams that capture a subject.
	 * @param subjects the subjects
	 * @param handler the handler, for errors
	 * @return the names of the streams, sorted
	 */
	Set<String> capturing(Collection<String> subjects, String handler) {
		Listing current = this.listing;
		boolean cached = current != null && System.nanoTime() - current.takenAt() <= MAX_AGE_NANOS;
		if (!cached) {
			current = refresh(handler);
		}
		Set<String> streams = current.capturing(subjects);
		return (streams.size() != 1 && cached) ? refresh(handler).capturing(subjects) : streams;
	}

	private Listing refresh(String handler) {
		Listing fresh = list(handler);
		this.listing = fresh;
		return fresh;
	}

	private Listing list(String handler) {
		try {
			List<Stream> streams = this.management.getStreams()
				.stream()
				.map(StreamInfo::getConfiguration)
				.map((configuration) -> new Stream(configuration.getName(),
						configuration.getSubjects().stream().filter(SubjectPattern::isValid).map(SubjectPattern::of)
							.toList()))
				.toList();
			return new Listing(System.nanoTime(), streams);
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException("Could not list the streams to find those of handler " + handler, ex);
		}
	}

	private record Stream(String name, List<SubjectPattern> subjects) {

		boolean captures(SubjectPattern subject) {
			return this.subjects.stream().anyMatch(subject::overlaps);
		}

	}

	private record Listing(long takenAt, List<Stream> streams) {

		Set<String> capturing(Collection<String> subjects) {
			Set<String> names = new TreeSet<>();
			for (String subject : subjects) {
				SubjectPattern pattern = SubjectPattern.of(subject);
				this.streams.stream().filter((stream) -> stream.captures(pattern)).forEach((stream) -> names.add(stream.name()));
			}
			return names;
		}

	}

}

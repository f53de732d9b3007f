package io.github.natsjetstream.actuate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ReplayRequest;
import io.github.natsjetstream.retry.ReplayResult;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@link Endpoint @Endpoint} that shows the dead letters and replays them: {@code GET}
 * tells how many there are per dead-letter subject, {@code POST} (with optional
 * {@code consumer}, {@code fromSequence} and {@code toSequence}) sends them back to their
 * original subjects.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Endpoint(id = "natsdeadletters")
public class NatsDeadLettersEndpoint {

	private final JetStreamManagement management;

	private final DeadLetterReplayer replayer;

	private final String deadLetterStream;

	/**
	 * Create a new endpoint.
	 * @param management the JetStream management context
	 * @param replayer replays dead letters
	 * @param deadLetterStream the dead-letter stream
	 */
	public NatsDeadLettersEndpoint(JetStreamManagement management, DeadLetterReplayer replayer,
			String deadLetterStream) {
		this.management = management;
		this.replayer = replayer;
		this.deadLetterStream = deadLetterStream;
	}

	/**
	 * Describe the dead letters.
	 * @return the dead-letter stream, its message count and the count per subject
	 */
	@ReadOperation
	public DeadLetters deadLetters() {
		try {
			StreamInfo info = this.management.getStreamInfo(this.deadLetterStream, StreamInfoOptions.allSubjects());
			Map<String, Long> bySubject = new LinkedHashMap<>();
			if (info.getStreamState().getSubjects() != null) {
				for (Subject subject : info.getStreamState().getSubjects()) {
					bySubject.put(subject.getName(), subject.getCount());
				}
			}
			return new DeadLetters(this.deadLetterStream, info.getStreamState().getMsgCount(),
					info.getStreamState().getFirstSequence(), info.getStreamState().getLastSequence(), bySubject);
		}
		catch (IOException | JetStreamApiException ex) {
			throw new NatsJetStreamException("Could not read dead-letter stream '" + this.deadLetterStream + "'", ex);
		}
	}

	/**
	 * Replay dead letters to their original subjects.
	 * @param consumer only those of this durable consumer
	 * @param fromSequence from this dead-letter sequence
	 * @param toSequence up to this dead-letter sequence
	 * @return what was replayed
	 */
	@WriteOperation
	public ReplayResult replay(@Nullable String consumer, @Nullable Long fromSequence, @Nullable Long toSequence) {
		return this.replayer.replay(new ReplayRequest(consumer, fromSequence, toSequence));
	}

	/**
	 * The dead letters.
	 *
	 * @param stream the dead-letter stream
	 * @param messages the number of dead letters
	 * @param firstSequence the first sequence
	 * @param lastSequence the last sequence
	 * @param subjects the number of dead letters per subject
	 */
	public record DeadLetters(String stream, long messages, long firstSequence, long lastSequence,
			Map<String, Long> subjects) {
	}

}

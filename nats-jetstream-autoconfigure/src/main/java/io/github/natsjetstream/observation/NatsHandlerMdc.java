package io.github.natsjetstream.observation;

import io.nats.client.Message;
import io.nats.client.impl.NatsJetStreamMetaData;
import org.slf4j.MDC;

import org.springframework.util.ClassUtils;

/**
 * Puts what a handler is handling into the SLF4J {@link MDC} while it runs, so that its
 * log lines say which message they are about, and takes it out again afterwards. The
 * trace and span ids are Micrometer Tracing's own MDC entries, there while the
 * {@code nats.handler} observation is in scope.
 * <p>
 * Without SLF4J on the classpath nothing is put.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class NatsHandlerMdc {

	/**
	 * MDC key of the subject of the message.
	 */
	public static final String SUBJECT = "nats.subject";

	/**
	 * MDC key of the stream the message is stored in.
	 */
	public static final String STREAM = "nats.stream";

	/**
	 * MDC key of the message's sequence in its stream.
	 */
	public static final String SEQUENCE = "nats.sequence";

	/**
	 * MDC key of the number of this delivery of the message, starting at 1.
	 */
	public static final String DELIVERED = "nats.delivered";

	/**
	 * MDC key of the id of the handler.
	 */
	public static final String HANDLER = "nats.handler";

	private static final boolean SLF4J_PRESENT = ClassUtils.isPresent("org.slf4j.MDC",
			NatsHandlerMdc.class.getClassLoader());

	private final String handlerId;

	/**
	 * Create an instance for a handler.
	 * @param handlerId the id of the handler
	 */
	public NatsHandlerMdc(String handlerId) {
		this.handlerId = handlerId;
	}

	/**
	 * Put a message about to be handled into the MDC of the current thread.
	 * @param message the message
	 * @param metaData its JetStream metadata
	 */
	public void put(Message message, NatsJetStreamMetaData metaData) {
		if (SLF4J_PRESENT) {
			Slf4j.put(this.handlerId, message, metaData);
		}
	}

	/**
	 * Put only the handler id into the MDC of the current thread, while a batch handler
	 * handles many messages at once.
	 */
	public void putHandler() {
		if (SLF4J_PRESENT) {
			Slf4j.putHandler(this.handlerId);
		}
	}

	/**
	 * Take what {@link #put} or {@link #putHandler} put out of the MDC of the current
	 * thread.
	 */
	public void clear() {
		if (SLF4J_PRESENT) {
			Slf4j.clear();
		}
	}

	/**
	 * Uses SLF4J, loaded only when present.
	 */
	private static final class Slf4j {

		static void put(String handlerId, Message message, NatsJetStreamMetaData metaData) {
			MDC.put(HANDLER, handlerId);
			MDC.put(SUBJECT, message.getSubject());
			MDC.put(STREAM, metaData.getStream());
			MDC.put(SEQUENCE, Long.toString(metaData.streamSequence()));
			MDC.put(DELIVERED, Long.toString(metaData.deliveredCount()));
		}

		static void putHandler(String handlerId) {
			MDC.put(HANDLER, handlerId);
		}

		static void clear() {
			MDC.remove(HANDLER);
			MDC.remove(SUBJECT);
			MDC.remove(STREAM);
			MDC.remove(SEQUENCE);
			MDC.remove(DELIVERED);
		}

	}

}

package io.github.natsjetstream.retry;

/**
 * What happens to a message that is given up on. The original message is terminated only
 * after {@link #recover} returns; when it throws, the original is redelivered later.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@FunctionalInterface
public interface DeadLetterRecoverer {

	/**
	 * Recover a message that is given up on, for instance by publishing it to the
	 * dead-letter stream.
	 * @param deadLetter the message and why it is given up on
	 * @throws Exception when the message could not be recovered and must be kept
	 */
	void recover(DeadLetter deadLetter) throws Exception;

}

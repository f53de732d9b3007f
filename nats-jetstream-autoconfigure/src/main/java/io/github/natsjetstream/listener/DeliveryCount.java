package io.github.natsjetstream.listener;

import io.nats.client.Message;

/**
 * Reads how often a JetStream message has been delivered straight from its ack subject
 * ({@code $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>...}, or with a domain and
 * account hash before the stream), without parsing the rest of its metadata.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class DeliveryCount {

	private static final int PLAIN_DELIVERED_TOKEN = 4;

	private static final int DOMAIN_DELIVERED_TOKEN = 6;

	private static final int DOMAIN_TOKENS = 11;

	private DeliveryCount() {
	}

	/**
	 * Return the number of deliveries of the message, this one included.
	 * @param message a JetStream message
	 * @return the delivery count
	 */
	static long of(Message message) {
		String replyTo = message.getReplyTo();
		if (replyTo == null) {
			return message.metaData().deliveredCount();
		}
		int tokens = 1;
		for (int i = 0; i < replyTo.length(); i++) {
			if (replyTo.charAt(i) == '.') {
				tokens++;
			}
		}
		int index = (tokens >= DOMAIN_TOKENS) ? DOMAIN_DELIVERED_TOKEN : PLAIN_DELIVERED_TOKEN;
		int start = 0;
		for (int token = 0; token < index; token++) {
			start = replyTo.indexOf('.', start) + 1;
			if (start == 0) {
				return message.metaData().deliveredCount();
			}
		}
		int end = replyTo.indexOf('.', start);
		try {
			return Long.parseLong(replyTo, start, (end < 0) ? replyTo.length() : end, 10);
		}
		catch (NumberFormatException ex) {
			return message.metaData().deliveredCount();
		}
	}

}

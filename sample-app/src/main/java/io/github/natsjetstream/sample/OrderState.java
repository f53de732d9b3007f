package io.github.natsjetstream.sample;

/**
 * Where an order stands.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public enum OrderState {

	/**
	 * Created and accepted; its payment is requested.
	 */
	ACCEPTED,

	/**
	 * Charged.
	 */
	PAID,

	/**
	 * Refunded (an order with a negative amount).
	 */
	REFUNDED,

	/**
	 * Its payment was refused for good: the payment request is in the dead-letter stream
	 * until it is replayed.
	 */
	PAYMENT_REJECTED;

	/**
	 * Return whether the order's payment is settled or rejected: nothing happens to it
	 * any more unless its payment request is replayed.
	 * @return whether the state is final
	 */
	public boolean isFinal() {
		return this != ACCEPTED;
	}

}

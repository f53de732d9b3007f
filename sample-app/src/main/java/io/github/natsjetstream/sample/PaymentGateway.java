package io.github.natsjetstream.sample;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Stands for a remote payment provider that is slow to wake up: it times out on the
 * first {@code sample.payments.gateway-failures} calls for each order, and answers
 * after that. The handler that calls it lets the starter retry with backoff.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
public class PaymentGateway {

	private final SampleProperties properties;

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	PaymentGateway(SampleProperties properties) {
		this.properties = properties;
	}

	/**
	 * Charge an amount, or refund it when negative.
	 * @param orderId the order
	 * @param amount the amount
	 * @throws PaymentGatewayException when the gateway does not answer
	 */
	public void charge(String orderId, BigDecimal amount) {
		int call = this.calls.computeIfAbsent(orderId, (id) -> new AtomicInteger()).incrementAndGet();
		if (call <= this.properties.getPayments().getGatewayFailures()) {
			throw new PaymentGatewayException("Payment gateway timed out charging " + amount + " for order " + orderId
					+ " (call " + call + ")");
		}
		this.calls.remove(orderId);
	}

	/**
	 * The payment gateway did not answer: worth another try.
	 */
	public static class PaymentGatewayException extends RuntimeException {

		PaymentGatewayException(String message) {
			super(message);
		}

	}

}

package io.github.natsjetstream.sample;

import java.io.IOException;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.core.NatsPublishOptions;
import io.github.natsjetstream.sample.PaymentGateway.PaymentGatewayException;
import io.github.natsjetstream.support.NatsHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Charges orders through the {@link PaymentGateway}, and publishes {@code orders.paid}
 * (or {@code orders.refunded}) once it answers.
 * <ul>
 * <li>When the gateway times out, the handler throws and the starter redelivers the
 * request after the backoff that {@code application.yml} sets for this handler
 * ({@code nats.jetstream.handlers.payments.*}), up to its {@code max-deliver}.</li>
 * <li>A negative amount while refunds are disabled is a
 * {@link RefundsDisabledException}, which {@code noRetryFor} sends to the dead-letter
 * stream at once.</li>
 * </ul>
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
class PaymentHandler {

	private static final Logger logger = LoggerFactory.getLogger(PaymentHandler.class);

	private final PaymentGateway gateway;

	private final OrderStatusStore statuses;

	private final JetStreamTemplate template;

	private final SampleProperties properties;

	PaymentHandler(PaymentGateway gateway, OrderStatusStore statuses, JetStreamTemplate template,
			SampleProperties properties) {
		this.gateway = gateway;
		this.statuses = statuses;
		this.template = template;
		this.properties = properties;
	}

	@NatsHandler(value = OrderCreatedHandler.PAYMENT_REQUESTED, id = "payments",
			noRetryFor = RefundsDisabledException.class)
	void pay(PaymentRequest request, @Header(NatsHeaders.DELIVERY_COUNT) long delivery) throws IOException {
		boolean refund = request.amount().signum() < 0;
		if (refund && !this.properties.getPayments().isRefundsEnabled()) {
			String reason = "Order " + request.orderId() + " has a negative amount (" + request.amount()
					+ ") and refunds are disabled (sample.payments.refunds-enabled=false)";
			this.statuses.update(request.orderId(), (status) -> status.rejected((int) delivery, reason));
			throw new RefundsDisabledException(reason);
		}
		try {
			this.gateway.charge(request.orderId(), request.amount());
		}
		catch (PaymentGatewayException ex) {
			logger.warn("Payment of order {} failed on delivery {}: {}; the starter redelivers it after its backoff",
					request.orderId(), delivery, ex.getMessage());
			throw ex;
		}
		OrderState state = refund ? OrderState.REFUNDED : OrderState.PAID;
		this.statuses.update(request.orderId(), (status) -> status.settled(state, (int) delivery));
		String event = refund ? "refunded" : "paid";
		this.template.publish("orders." + event, new OrderEvent(request.orderId(), request.amount()),
				NatsPublishOptions.builder().messageId(event + "-" + request.orderId()).build());
		logger.info("Order {} {} on delivery {} of its payment request", request.orderId(), event, delivery);
	}

}

package io.github.natsjetstream.docs.samples.migrating;

import io.github.natsjetstream.annotation.NatsHandler;

import org.springframework.stereotype.Component;

@Component
class BillingHandler {

	private final Billing billing;

	BillingHandler(Billing billing) {
		this.billing = billing;
	}

	@NatsHandler(value = "orders.created", durable = "billing", concurrency = "4", maxDeliver = "3",
			noRetryFor = InvalidOrderException.class)
	void orderCreated(Order order) {
		this.billing.charge(order);
	}

}

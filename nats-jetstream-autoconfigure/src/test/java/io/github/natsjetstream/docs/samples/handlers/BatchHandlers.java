package io.github.natsjetstream.docs.samples.handlers;

import java.util.List;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.retry.NatsBatchFailedException;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

@Component
class BatchHandlers {

	// tag::batches[]
	@NatsHandler(value = "orders.created", batchSize = "100", batchWait = "200ms")
	void onCreated(List<Order> orders) {                          // payloads, converted one by one
		// ...
	}

	@NatsHandler("orders.audit.>")
	void onAudit(List<io.nats.client.Message> messages) {        // the JetStream messages
		// ...
	}

	@NatsHandler("orders.paid")
	void onPaid(List<Message<Order>> payments) {                  // spring-messaging messages, headers included
		for (int i = 0; i < payments.size(); i++) {
			try {
				record(payments.get(i).getPayload());
			}
			catch (IllegalStateException ex) {
				// those before i are acknowledged, i is retried, those after come back
				throw new NatsBatchFailedException("could not record payment", ex, i);
			}
		}
	}
	// end::batches[]

	private void record(Order order) {
	}

}

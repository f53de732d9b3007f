package io.github.natsjetstream.docs.samples.publishing;

import java.util.concurrent.CompletableFuture;

import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.core.NatsPublishOptions;
import io.nats.client.api.PublishAck;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

@Service
class Orders {

	private static final Log log = LogFactory.getLog(Orders.class);

	private final JetStreamTemplate template;

	Orders(JetStreamTemplate template) {
		this.template = template;
	}

	void created(Order order) {
		PublishAck ack = this.template.publish("orders.created", order);   // waits for the stream
		log.info("order " + order.id() + " stored as " + ack.getStream() + " #" + ack.getSeqno());
	}

	CompletableFuture<PublishAck> createdAsync(Order order) {
		return this.template.publishAsync("orders.created", order,
				NatsPublishOptions.builder().messageId(order.id()).build());
	}

}

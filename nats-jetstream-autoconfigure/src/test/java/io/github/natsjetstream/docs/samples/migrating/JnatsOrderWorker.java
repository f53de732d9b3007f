package io.github.natsjetstream.docs.samples.migrating;

import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import tools.jackson.databind.json.JsonMapper;

class JnatsOrderWorker {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	void run() throws Exception {
		// tag::worker[]
		Connection connection = Nats.connect(Options.builder().server("nats://localhost:4222").build());
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(StreamConfiguration.builder()          // fails if it exists with other settings
			.name("ORDERS").subjects("orders.>").storageType(StorageType.File).build());
		management.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder()
			.durable("order-worker").filterSubject("orders.created")
			.ackPolicy(AckPolicy.Explicit).ackWait(Duration.ofSeconds(30)).maxDeliver(5).build());

		MessageConsumer consumer = connection.getConsumerContext("ORDERS", "order-worker").consume((message) -> {
			try {
				handle(this.jsonMapper.readValue(message.getData(), Order.class));
				message.ack();
			}
			catch (InvalidOrderException ex) {
				message.term();                                   // never again, and gone
			}
			catch (RuntimeException ex) {
				message.nakWithDelay(Duration.ofSeconds(5));      // again in 5s, up to maxDeliver
			}
		});
		// end::worker[]

		consumer.stop();
		connection.drain(Duration.ofSeconds(5));
	}

	void publish(Connection connection, Order order) throws Exception {
		// tag::publish[]
		connection.jetStream().publish("orders.created", this.jsonMapper.writeValueAsBytes(order),
				PublishOptions.builder().messageId(order.id()).build());
		// end::publish[]
	}

	void handle(Order order) {
	}

}

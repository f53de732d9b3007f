package io.github.natsjetstream.listener;

import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryCountTests {

	@Test
	void readsTheDeliveryCountOfAPlainAckSubject() {
		assertThat(DeliveryCount.of(message("$JS.ACK.ORDERS.app-orders-on.3.120.118.1700000000000000000.42")))
			.isEqualTo(3);
	}

	@Test
	void readsTheDeliveryCountOfAnAckSubjectWithDomainAndAccountHash() {
		assertThat(DeliveryCount.of(message("$JS.ACK.hub.ACCHASH.ORDERS.app-orders-on.7.120.118.1700000000000000000.0.token")))
			.isEqualTo(7);
	}

	private static NatsMessage message(String replyTo) {
		return NatsMessage.builder().subject("orders.created").replyTo(replyTo).data(new byte[0]).build();
	}

}

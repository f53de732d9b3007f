package io.github.natsjetstream.sample;

import java.math.BigDecimal;
import java.util.UUID;

import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Publishes a few orders once the application has started, for the handlers to handle.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
class OrderPublisher implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(OrderPublisher.class);

	private final JetStream jetStream;

	private final JsonMapper jsonMapper;

	OrderPublisher(JetStream jetStream, JsonMapper jsonMapper) {
		this.jetStream = jetStream;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		for (String customer : new String[] { "ada", "grace", "linus" }) {
			Order order = new Order(UUID.randomUUID().toString(), customer, new BigDecimal("42.50"));
			PublishAck ack = this.jetStream.publish("sample.orders.created", this.jsonMapper.writeValueAsBytes(order));
			logger.info("Published order " + order.id() + " to stream " + ack.getStream() + " at sequence "
					+ ack.getSeqno());
		}
	}

}

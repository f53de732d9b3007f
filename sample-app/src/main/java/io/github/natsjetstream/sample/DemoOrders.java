package io.github.natsjetstream.sample;

import java.math.BigDecimal;
import java.util.Map;

import io.github.natsjetstream.core.JetStreamTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo mode ({@code sample.demo.enabled=true}): once the application has started,
 * places a few orders so that the log shows, within seconds, orders handled, payments
 * retried, a refund dead-lettered and an unknown event caught by the catch-all route;
 * then prints the URLs to look at.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
@ConditionalOnBooleanProperty("sample.demo.enabled")
class DemoOrders implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoOrders.class);

	private final Orders orders;

	private final JetStreamTemplate template;

	private final SampleProperties properties;

	private final Environment environment;

	DemoOrders(Orders orders, JetStreamTemplate template, SampleProperties properties, Environment environment) {
		this.orders = orders;
		this.template = template;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		Order first = this.orders.place(new NewOrder("ada", new BigDecimal("42.50")));
		this.orders.place(new NewOrder("grace", new BigDecimal("17.00")));
		Order refund = this.orders.place(new NewOrder("margaret", new BigDecimal("-15.00")));
		this.template.publish("orders.eu.created", Map.of("orderId", "eu-1", "customer", "linus"));
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		StringBuilder text = new StringBuilder();
		text.append("Demo: 3 orders placed and an event no route knows published. Look at:\n");
		text.append("  ").append(base).append("/orders/").append(first.id()).append("   an order's status\n");
		text.append("  ").append(base).append("/actuator/health                  the nats health contributor\n");
		text.append("  ").append(base).append("/actuator/nats                    handlers, streams, consumers\n");
		text.append("  ").append(base).append("/actuator/nats/dead-letters       the dead letters\n");
		text.append("  ").append(base).append("/actuator/prometheus              metrics\n");
		if (this.properties.getPayments().isRefundsEnabled()) {
			text.append("Refunds are enabled: the refund of order ").append(refund.id()).append(" goes through, and ")
				.append("dead letters of earlier runs come back with\n");
		}
		else {
			text.append("The refund of order ").append(refund.id())
				.append(" goes to the dead-letter stream: refunds are disabled. ")
				.append("Restart with --sample.payments.refunds-enabled=true and replay it with\n");
		}
		text.append("  curl -X POST ").append(base)
			.append("/actuator/nats/dead-letters -H 'Content-Type: application/json' -d '{}'");
		logger.info(text.toString());
	}

}

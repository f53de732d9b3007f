package io.github.natsjetstream.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
 * retried, a refund dead-lettered and an unknown event caught by the catch-all route.
 * It watches the orders in the key-value bucket and, once each is paid or rejected,
 * prints the URLs to look at.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
@ConditionalOnBooleanProperty("sample.demo.enabled")
class DemoOrders implements ApplicationRunner {

	/** How long to wait for the orders to settle before printing the URLs anyway. */
	private static final long SETTLE_TIMEOUT_SECONDS = 30;

	private static final Logger logger = LoggerFactory.getLogger(DemoOrders.class);

	private final Orders orders;

	private final OrderStatusStore statuses;

	private final JetStreamTemplate template;

	private final SampleProperties properties;

	private final Environment environment;

	DemoOrders(Orders orders, OrderStatusStore statuses, JetStreamTemplate template, SampleProperties properties,
			Environment environment) {
		this.orders = orders;
		this.statuses = statuses;
		this.template = template;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Order first = this.orders.place(new NewOrder("ada", new BigDecimal("42.50")));
		Order second = this.orders.place(new NewOrder("grace", new BigDecimal("17.00")));
		Order refund = this.orders.place(new NewOrder("margaret", new BigDecimal("-15.00")));
		this.template.publish("orders.eu.created", Map.of("orderId", "eu-1", "customer", "linus"));
		logger.info("Demo: 3 orders placed and an event that no route knows published; the URLs to look at follow "
				+ "once the orders are settled");
		List<String> ids = List.of(first.id(), second.id(), refund.id());
		Set<String> unsettled = ConcurrentHashMap.newKeySet();
		unsettled.addAll(ids);
		CompletableFuture<Boolean> settled = new CompletableFuture<>();
		AutoCloseable watch = this.statuses.watch(ids, (status) -> {
			if (status.state() != null && status.state().isFinal() && unsettled.remove(status.id())
					&& unsettled.isEmpty()) {
				settled.complete(true);
			}
		});
		settled.completeOnTimeout(false, SETTLE_TIMEOUT_SECONDS, TimeUnit.SECONDS).thenAccept((allSettled) -> {
			close(watch);
			logger.info(guide(first, refund, allSettled));
		});
	}

	private String guide(Order first, Order refund, boolean allSettled) {
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		StringBuilder text = new StringBuilder("Demo: ");
		text.append(allSettled ? "the orders are settled. " : "not every order settled within "
				+ SETTLE_TIMEOUT_SECONDS + "s; see the log above. ");
		text.append("Look at:\n");
		text.append("  ").append(base).append("/orders/").append(first.id()).append("   an order's status\n");
		text.append("  ").append(base).append("/orders/").append(refund.id()).append("   the refund\n");
		text.append("  ").append(base).append("/actuator/health                  the nats health contributor\n");
		text.append("  ").append(base).append("/actuator/nats                    handlers, streams, consumers\n");
		text.append("  ").append(base).append("/actuator/nats/dead-letters       the dead letters\n");
		text.append("  ").append(base).append("/actuator/prometheus              metrics\n");
		if (this.properties.getPayments().isRefundsEnabled()) {
			text.append("Refunds are enabled: the refund went through. Dead letters of earlier runs come back with\n");
		}
		else {
			text.append("The refund is in the dead-letter stream: refunds are disabled. Restart with ")
				.append("--sample.payments.refunds-enabled=true and replay it with\n");
		}
		text.append("  curl -X POST ").append(base)
			.append("/actuator/nats/dead-letters -H 'Content-Type: application/json' -d '{}'");
		return text.toString();
	}

	private static void close(AutoCloseable watch) {
		try {
			watch.close();
		}
		catch (Exception ex) {
			logger.debug("Could not stop watching the demo orders", ex);
		}
	}

}

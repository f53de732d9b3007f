package io.github.natsjetstream.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.test.NatsServerExtension;
import io.github.natsjetstream.test.NatsServerPropertySource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orders sample over HTTP, against a real nats-server of its own: orders placed with
 * {@code POST /orders} are handled, their payments retried and their status kept in the
 * key-value bucket; a refund is dead-lettered, then replayed through the {@code nats}
 * endpoint by an instance deployed with refunds enabled; health, the endpoint and the
 * Prometheus scrape show it all.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@DynamicPropertySource
	static void natsProperties(DynamicPropertyRegistry registry) {
		NatsServerPropertySource.registerProperties(registry, nats);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private JetStreamTemplate template;

	@Autowired
	private NatsHandlerContainerRegistry handlers;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = client(this.port);
	}

	@Test
	void anOrderIsAcceptedPaidAfterTheGatewayRetriesAndFollowedByTheEventRoutes() {
		Order order = place(this.client, "ada", "42.50");
		assertThat(order.id()).isNotBlank();
		OrderStatus status = awaitState(this.client, order.id(), OrderState.PAID);
		assertThat(status.customer()).isEqualTo("ada");
		assertThat(status.amount()).isEqualByComparingTo("42.50");
		// the gateway fails the first two calls of each order: the third delivery succeeds
		assertThat(status.paymentAttempts()).isEqualTo(3);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(status(this.client, order.id()).getResponseBody().events())
				.containsExactlyInAnyOrder("created", "paid"));
	}

	@Test
	void anUnknownOrderIsNotFound() {
		this.client.get().uri("/orders/{id}", "no-such-order").exchange().expectStatus().isNotFound();
		this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("customer", "ada"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void anEventNoRouteKnowsIsAcknowledgedAndCountedByTheCatchAll() {
		double before = unrouted();
		this.template.publish("orders.eu.created", Map.of("orderId", "eu-1", "customer", "linus"));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(unrouted()).isEqualTo(before + 1));
	}

	@Test
	@DirtiesContext
	void aRefundIsDeadLetteredAndReplayedByAnInstanceWithRefundsEnabled() {
		Order refund = place(this.client, "margaret", "-15.00");
		OrderStatus rejected = awaitState(this.client, refund.id(), OrderState.PAYMENT_REJECTED);
		assertThat(rejected.paymentAttempts()).as("not retried").isEqualTo(1);
		assertThat(rejected.detail()).contains("refunds are disabled");
		String deadLetters = "dlq.PAYMENTS." + durableOfPayments();
		await().atMost(TIMEOUT)
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/nats/dead-letters")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.subjects['" + deadLetters + "']")
				.isEqualTo(1)
				.jsonPath("$.reasons.non-retryable")
				.isEqualTo(1));

		// The fix is deployed: this instance stops handling, one with refunds enabled starts
		this.handlers.stop();
		try (ConfigurableApplicationContext fixed = new SpringApplicationBuilder(SampleApplication.class).run(
				"--nats.servers=" + nats.url(), "--server.port=0", "--sample.payments.refunds-enabled=true")) {
			RestTestClient fixedClient = client(
					fixed.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			fixedClient.post()
				.uri("/actuator/nats/dead-letters")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.replayed")
				.isEqualTo(1)
				.jsonPath("$.failedSequences")
				.isEmpty();
			OrderStatus refunded = awaitState(fixedClient, refund.id(), OrderState.REFUNDED);
			assertThat(refunded.detail()).isNull();
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(status(fixedClient, refund.id()).getResponseBody().events())
					.containsExactlyInAnyOrder("created", "refunded"));
			fixedClient.get()
				.uri("/actuator/nats/dead-letters")
				.exchange()
				.expectBody()
				.jsonPath("$.messages")
				.isEqualTo(0);
		}
	}

	@Test
	void healthTheNatsEndpointAndPrometheusShowTheApplication() {
		place(this.client, "grace", "17.00");
		await().atMost(TIMEOUT)
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components.nats.components.connection.status")
				.isEqualTo("UP")
				.jsonPath("$.components.nats.components.handlers.components.payments.details.state")
				.isEqualTo("running"));
		this.client.get()
			.uri("/actuator/nats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.connection.state")
			.isEqualTo("CONNECTED")
			.jsonPath("$.streams.ORDERS.subjects[0]")
			.isEqualTo("orders.>")
			.jsonPath("$.streams.PAYMENTS.subjects[0]")
			.isEqualTo("payments.>")
			.jsonPath("$.streams.DLQ.subjects[0]")
			.isEqualTo("dlq.>")
			.jsonPath("$.provisioning.resources[?(@.type == 'KEY_VALUE')].name")
			.value(List.class, (names) -> assertThat(names).containsExactly("order-status"))
			.jsonPath("$.handlers['orders-created'].subjects[0]")
			.isEqualTo("orders.created")
			.jsonPath("$.handlers['order-events'].subjects[0]")
			.isEqualTo("orders.>")
			.jsonPath("$.handlers.payments.settings.maxDeliver.value")
			.isEqualTo("4")
			.jsonPath("$.handlers.payments.settings.maxDeliver.origin")
			.isEqualTo("property 'nats.jetstream.handlers.payments.max-deliver'")
			.jsonPath("$.handlers['orders-created'].settings.concurrency.source")
			.isEqualTo("default");
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(prometheus())
			.contains("nats_publish_seconds_count{", "sample_orders_events_unrouted_total"));
	}

	private static RestTestClient client(int port) {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	private static Order place(RestTestClient client, String customer, String amount) {
		EntityExchangeResult<Order> result = client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("customer", customer, "amount", amount))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Order.class)
			.returnResult();
		Order order = result.getResponseBody();
		assertThat(result.getResponseHeaders().getLocation()).hasToString("/orders/" + order.id());
		return order;
	}

	private static EntityExchangeResult<OrderStatus> status(RestTestClient client, String id) {
		return client.get().uri("/orders/{id}", id).exchange().returnResult(OrderStatus.class);
	}

	private static OrderStatus awaitState(RestTestClient client, String id, OrderState state) {
		return await().atMost(TIMEOUT).until(() -> {
			EntityExchangeResult<OrderStatus> result = status(client, id);
			return result.getStatus().isSameCodeAs(HttpStatus.OK) ? result.getResponseBody() : null;
		}, (status) -> status != null && status.state() == state);
	}

	private String durableOfPayments() {
		return this.client.get()
			.uri("/actuator/nats/handlers/payments")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Map.class)
			.getResponseBody()
			.get("durable")
			.toString();
	}

	private double unrouted() {
		return this.client.get()
			.uri("/actuator/metrics/{name}", OrderEventRoutes.UNROUTED_METER)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Metric.class)
			.getResponseBody()
			.measurements()
			.get(0)
			.value();
	}

	private String prometheus() {
		return this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	/** The body of {@code /actuator/metrics/{name}}, as far as the tests read it. */
	record Metric(List<Measurement> measurements) {

		record Measurement(String statistic, double value) {

		}

	}

}

package io.github.natsjetstream.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code nats} endpoint over HTTP, with Actuator and a web server, against a server
 * that requires a password given in the server URL.
 */
@SpringBootTest(classes = NatsEndpointWebTests.WebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=endpoint-tests", "management.endpoints.web.exposure.include=health,nats",
				"management.endpoint.health.show-details=always", "nats.jetstream.consumer-statistics.interval=200ms",
				"nats.jetstream.shutdown-timeout=10s", "nats.jetstream.streams.WEB.subjects=web.>",
				"nats.jetstream.dead-letter.stream=DLQ_WEB", "nats.jetstream.dead-letter.subjects=dlqweb.>",
				"nats.jetstream.dead-letter.subject=dlqweb.{stream}.{durable}",
				"nats.jetstream.handlers.orders.ack-wait=20s" })
class NatsEndpointWebTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension
		.create((server) -> server.config("authorization { users = [ { user: alice, password: \"s3cret\" } ] }"));

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@LocalServerPort
	private int port;

	@Autowired
	private WebHandlers handlers;

	@Autowired
	private JetStream jetStream;

	@Autowired
	private JetStreamManagement management;

	@DynamicPropertySource
	static void natsProperties(DynamicPropertyRegistry registry) {
		registry.add("nats.servers", () -> "nats://alice:s3cret@127.0.0.1:" + nats.server().port());
	}

	@Test
	void describesConnectionProvisioningStreamsAndHandlersWithoutCredentials() throws Exception {
		HttpResponse<String> response = get("/actuator/nats");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("s3cret").doesNotContain("alice");
		JsonContent<Object> body = this.json.from(response.body());
		assertThat(body).extractingJsonPathStringValue("$.connection.state").isEqualTo("CONNECTED");
		assertThat(body).extractingJsonPathStringValue("$.connection.server")
			.isEqualTo("nats://127.0.0.1:" + nats.server().port());
		assertThat(body).extractingJsonPathStringValue("$.connection.version")
			.isEqualTo(nats.server().version().toString());
		assertThat(body).extractingJsonPathNumberValue("$.connection.reconnects").isEqualTo(0);
		assertThat(body).hasJsonPathValue("$.connection.rtt");
		assertThat(body).extractingJsonPathStringValue("$.provisioning.mode").isEqualTo("CREATE_OR_UPDATE");
		assertThat(body).extractingJsonPathArrayValue("$.provisioning.resources[?(@.type == 'STREAM')].name")
			.contains("WEB", "DLQ_WEB");
		assertThat(body).extractingJsonPathArrayValue("$.provisioning.resources[?(@.type == 'CONSUMER')].name")
			.contains("WEB > orders", "WEB > poison");
		assertThat(body).extractingJsonPathArrayValue("$.streams.WEB.subjects").containsExactly("web.>");
		assertThat(body).extractingJsonPathStringValue("$.streams.WEB.storage").isEqualTo("file");
		assertThat(body).hasJsonPathValue("$.streams.DLQ_WEB.messages");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.method").contains("WebHandlers.orders");
		assertThat(body).extractingJsonPathArrayValue("$.handlers.orders.subjects").containsExactly("web.orders");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.stream").isEqualTo("WEB");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.durable").isEqualTo("orders");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.state").isEqualTo("running");
		assertThat(body).extractingJsonPathBooleanValue("$.handlers.orders.healthy").isTrue();
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.settings.ackWait.value").isEqualTo("20s");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.settings.ackWait.source")
			.isEqualTo("property");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.settings.ackWait.origin")
			.isEqualTo("property 'nats.jetstream.handlers.orders.ack-wait'");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.settings.maxDeliver.value").isEqualTo("4");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.settings.maxDeliver.source")
			.isEqualTo("annotation");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.settings.concurrency.source")
			.isEqualTo("default");
		assertThat(body).extractingJsonPathStringValue("$.handlers.orders.workers[0].name").isEqualTo("orders-0");
		assertThat(get("/actuator/health").body()).doesNotContain("s3cret").doesNotContain("alice");
	}

	@Test
	void showsOneHandlerAndAnswersUnknownOnesAndStatesWithErrors() throws Exception {
		HttpResponse<String> one = get("/actuator/nats/handlers/orders");
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(this.json.from(one.body())).extractingJsonPathStringValue("$.id").isEqualTo("orders");
		assertThat(this.json.from(get("/actuator/nats/handlers").body()))
			.extractingJsonPathStringValue("$.handlers.poison.durable")
			.isEqualTo("poison");

		assertThat(get("/actuator/nats/handlers/nope").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/nats/nothing").statusCode()).isEqualTo(404);
		assertThat(post("/actuator/nats/handlers/nope", "{\"state\": \"paused\"}").statusCode()).isEqualTo(404);
		assertThat(post("/actuator/nats/handlers/orders", "{\"state\": \"sleeping\"}").statusCode()).isEqualTo(400);
		assertThat(post("/actuator/nats/handlers/orders", "{}").statusCode()).isEqualTo(400);
	}

	@Test
	void pausedOverHttpTheHandlerHandlesNothingUntilResumedAndLosesNothing() throws Exception {
		int before = this.handlers.orders.size();
		HttpResponse<String> paused = post("/actuator/nats/handlers/orders", "{\"state\": \"paused\"}");
		assertThat(paused.statusCode()).isEqualTo(200);
		assertThat(this.json.from(paused.body())).extractingJsonPathStringValue("$.state").isEqualTo("paused");

		for (int i = 0; i < 5; i++) {
			this.jetStream.publish("web.orders", ("paused-" + i).getBytes(StandardCharsets.UTF_8));
		}
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.handlers.orders.size() == before);
		assertThat(this.management.getConsumerInfo("WEB", "orders").getNumPending()).isEqualTo(5);
		assertThat(this.json.from(get("/actuator/nats/handlers/orders").body()))
			.extractingJsonPathStringValue("$.state")
			.isEqualTo("paused");

		HttpResponse<String> running = post("/actuator/nats/handlers/orders", "{\"state\": \"running\"}");

		assertThat(running.statusCode()).isEqualTo(200);
		assertThat(this.json.from(running.body())).extractingJsonPathStringValue("$.state").isEqualTo("running");
		await().atMost(PATIENCE).until(() -> this.handlers.orders.size() == before + 5);
		assertThat(this.handlers.orders).doesNotHaveDuplicates()
			.contains("paused-0", "paused-1", "paused-2", "paused-3", "paused-4");
	}

	@Test
	@EnabledOnNatsServer(atLeast = "2.11")
	void pausedOverHttpTheConsumerIsPausedOnTheServerUntilResumed() throws Exception {
		post("/actuator/nats/handlers/orders", "{\"state\": \"paused\"}");

		assertThat(this.management.getConsumerInfo("WEB", "orders").getPaused()).isTrue();
		await().atMost(PATIENCE)
			.until(() -> Boolean.TRUE.equals(read("/actuator/nats/handlers/orders", "$.pausedOnServer")));

		post("/actuator/nats/handlers/orders", "{\"state\": \"running\"}");

		assertThat(this.management.getConsumerInfo("WEB", "orders").getPaused()).isFalse();
	}

	@Test
	void countsDeadLettersBySubjectAndReasonAndReplaysThem() throws Exception {
		this.jetStream.publish("web.poison", "p1".getBytes(StandardCharsets.UTF_8));
		this.jetStream.publish("web.poison", "p2".getBytes(StandardCharsets.UTF_8));
		await().atMost(PATIENCE)
			.until(() -> Integer.valueOf(2).equals(read("/actuator/nats/dead-letters", "$.messages")));
		JsonContent<Object> deadLetters = this.json.from(get("/actuator/nats/dead-letters").body());
		assertThat(deadLetters).extractingJsonPathStringValue("$.stream").isEqualTo("DLQ_WEB");
		assertThat(deadLetters).extractingJsonPathNumberValue("$.subjects['dlqweb.WEB.poison']").isEqualTo(2);
		assertThat(deadLetters).extractingJsonPathNumberValue("$.reasons['non-retryable']").isEqualTo(2);
		JsonContent<Object> poison = this.json.from(get("/actuator/nats/handlers/poison").body());
		assertThat(poison).extractingJsonPathStringValue("$.lastError.exception")
			.isEqualTo(IllegalStateException.class.getName());
		assertThat(poison).extractingJsonPathStringValue("$.lastError.message").startsWith("poisoned p");
		assertThat(poison).hasJsonPathValue("$.lastError.at");
		this.handlers.fixed = true;

		HttpResponse<String> replay = post("/actuator/nats/dead-letters", "{\"consumer\": \"poison\"}");

		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(this.json.from(replay.body())).extractingJsonPathNumberValue("$.replayed").isEqualTo(2);
		await().atMost(PATIENCE).until(() -> this.handlers.poison.size() == 2);
		assertThat(this.handlers.poison).containsExactlyInAnyOrder("p1", "p2");
		assertThat(this.json.from(get("/actuator/nats/dead-letters").body()))
			.extractingJsonPathNumberValue("$.messages")
			.isEqualTo(0);
	}

	@Test
	void natsIsInTheReadinessGroupAndNotInLiveness(@Autowired HealthEndpointGroups groups) throws Exception {
		assertThat(groups.get("readiness").isMember("nats")).isTrue();
		assertThat(groups.get("liveness").isMember("nats")).isFalse();
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		JsonContent<Object> health = this.json.from(get("/actuator/health").body());
		assertThat(health).extractingJsonPathStringValue("$.components.nats.components.connection.status")
			.isEqualTo("UP");
		assertThat(health).extractingJsonPathStringValue("$.components.nats.components.handlers.components.orders.status")
			.isEqualTo("UP");
	}

	private @Nullable Object read(String path, String jsonPath) throws IOException, InterruptedException {
		return JsonPath.read(get(path).body(), jsonPath);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		WebHandlers webHandlers() {
			return new WebHandlers();
		}

	}

	static class WebHandlers {

		final List<String> orders = new CopyOnWriteArrayList<>();

		final List<String> poison = new CopyOnWriteArrayList<>();

		volatile boolean fixed;

		@NatsHandler(value = "web.orders", id = "orders", durable = "orders", maxDeliver = "4")
		void orders(String payload) {
			this.orders.add(payload);
		}

		@NatsHandler(value = "web.poison", id = "poison", durable = "poison", noRetryFor = IllegalStateException.class)
		void poison(String payload) {
			if (!this.fixed) {
				throw new IllegalStateException("poisoned " + payload);
			}
			this.poison.add(payload);
		}

	}

}

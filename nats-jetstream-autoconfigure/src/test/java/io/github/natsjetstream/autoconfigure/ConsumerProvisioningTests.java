package io.github.natsjetstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.provisioning.ProvisioningOutcome;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.provisioning.ProvisioningResult;
import io.github.natsjetstream.provisioning.ResourceType;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Handlers' durable consumers go through the same provisioning as streams and buckets:
 * created and reported in {@code create-or-update} mode, and in {@code validate} and
 * {@code none} modes bound to as they exist, with no write request to the server (counted
 * from the server's side) and a startup error naming the handler and the consumer when the
 * consumer is missing or differs.
 */
class ConsumerProvisioningTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class))
		.withPropertyValues("nats.servers=" + nats.url(), "spring.application.name=consumers",
				"nats.jetstream.dead-letter.stream=DLQ_CONSUMERS", "nats.jetstream.dead-letter.subjects=dlqconsumers.>",
				"nats.jetstream.dead-letter.subject=dlqconsumers.{stream}.{durable}");

	@Test
	void reportListsEveryStreamAndConsumerWithItsOutcome() {
		this.contextRunner.withPropertyValues("nats.jetstream.streams.REPORTED.subjects=reported.>")
			.withPropertyValues("handler.subject=reported.orders")
				.withBean("orderHandler", OrderHandler.class, OrderHandler::new)
			.run((context) -> {
				ProvisioningReport report = context.getBean(ProvisioningReport.class);
				assertThat(report.getResults()).extracting(ProvisioningResult::type, ProvisioningResult::name,
						ProvisioningResult::outcome)
					.contains(tuple(ResourceType.STREAM, "REPORTED", ProvisioningOutcome.CREATED),
							tuple(ResourceType.CONSUMER, "REPORTED > consumers-orderHandler-on",
									ProvisioningOutcome.CREATED));
				assertThat(report.getResult(ResourceType.STREAM, "DLQ_CONSUMERS")).isNotNull();
			});
	}

	@Test
	void validateModeFailsOnAMissingConsumerNamingTheHandlerAndWritesNothing() throws Exception {
		createStream("VALIDATE_MISSING", "validatemissing.>");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner
				.withPropertyValues("nats.jetstream.provisioning.mode=validate",
						"nats.jetstream.streams.VALIDATE_MISSING.subjects=validatemissing.>")
				.withPropertyValues("handler.subject=validatemissing.orders")
				.withBean("orderHandler", OrderHandler.class, OrderHandler::new)
				.run((context) -> assertThat(ProvisioningTestSupport.provisioningFailure(context))
					.hasMessageStartingWith("Consumer 'VALIDATE_MISSING > consumers-orderHandler-on' of handler "
							+ "OrderHandler.on(String) does not exist. Provisioning mode 'validate' creates nothing"));
			assertThat(recorder.writes()).isEmpty();
			assertThat(recorder.consumerWrites()).isEmpty();
		}
	}

	@Test
	void noneModeFailsOnAMissingConsumerNamingTheHandlerAndWritesNothing() throws Exception {
		createStream("NONE_MISSING", "nonemissing.>");
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner.withPropertyValues("nats.jetstream.provisioning.mode=none")
				.withPropertyValues("handler.subject=nonemissing.orders")
				.withBean("orderHandler", OrderHandler.class, OrderHandler::new)
				.run((context) -> assertThat(ProvisioningTestSupport.provisioningFailure(context))
					.hasMessageStartingWith("Consumer 'NONE_MISSING > consumers-orderHandler-on' of handler "
							+ "OrderHandler.on(String) does not exist. Provisioning mode 'none' creates nothing"));
			assertThat(recorder.writes()).isEmpty();
			assertThat(recorder.consumerWrites()).isEmpty();
		}
	}

	@Test
	void validateModeFailsOnAChangedConsumerNamingTheDifferenceAndWritesNothing() throws Exception {
		String[] stream = { "nats.jetstream.streams.VALIDATE_DRIFT.subjects=validatedrift.>" };
		this.contextRunner.withPropertyValues(stream)
			.withPropertyValues("handler.subject=validatedrift.orders")
				.withBean("orderHandler", OrderHandler.class, OrderHandler::new)
			.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			this.contextRunner.withPropertyValues(stream)
				.withPropertyValues("nats.jetstream.provisioning.mode=validate",
						"nats.jetstream.handlers.orderHandler-on.max-ack-pending=7")
				.withPropertyValues("handler.subject=validatedrift.orders")
				.withBean("orderHandler", OrderHandler.class, OrderHandler::new)
				.run((context) -> assertThat(ProvisioningTestSupport.provisioningFailure(context))
					.hasMessageContaining("Consumer 'VALIDATE_DRIFT > consumers-orderHandler-on' of handler "
							+ "OrderHandler.on(String) differs from its declaration (server -> declared): "
							+ "max_ack_pending: 2000 -> 7. Provisioning mode 'validate' changes nothing"));
			assertThat(recorder.writes()).isEmpty();
			assertThat(recorder.consumerWrites()).isEmpty();
		}
	}

	@Test
	void validateAndNoneModesBindToMatchingConsumersAndHandleMessagesWithoutWriting() throws Exception {
		String[] stream = { "nats.jetstream.streams.BOUND.subjects=bound.>" };
		this.contextRunner.withPropertyValues(stream)
			.withPropertyValues("handler.subject=bound.orders")
				.withBean("orderHandler", OrderHandler.class, OrderHandler::new)
			.run((context) -> assertThat(context).hasNotFailed());
		for (String mode : List.of("validate", "none")) {
			try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
				OrderHandler handler = new OrderHandler();
				this.contextRunner.withPropertyValues(stream)
					.withPropertyValues("nats.jetstream.provisioning.mode=" + mode)
					.withPropertyValues("handler.subject=bound.orders")
					.withBean("orderHandler", OrderHandler.class, () -> handler)
					.run((context) -> {
						assertThat(context).hasNotFailed();
						assertThat(context.getBean(ProvisioningReport.class)
							.getResult(ResourceType.CONSUMER, "BOUND > consumers-orderHandler-on"))
							.extracting(ProvisioningResult::outcome)
							.isEqualTo(ProvisioningOutcome.UNCHANGED);
						publish("bound.orders", mode);
						await().atMost(Duration.ofSeconds(30)).until(() -> handler.received.contains(mode));
					});
				assertThat(recorder.writes()).as(mode).isEmpty();
				assertThat(recorder.consumerWrites()).as(mode).isEmpty();
			}
		}
	}

	@Test
	void anUnchangedRestartReadsTheDurablesOfAStreamWithOneListing() throws Exception {
		ApplicationContextRunner runner = this.contextRunner
			.withPropertyValues("nats.jetstream.streams.LISTED.subjects=listed.>")
			.withBean("firstHandler", ListedHandlers.First.class, ListedHandlers.First::new)
			.withBean("secondHandler", ListedHandlers.Second.class, ListedHandlers.Second::new)
			.withBean("thirdHandler", ListedHandlers.Third.class, ListedHandlers.Third::new);
		runner.run((context) -> assertThat(context).hasNotFailed());
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			runner.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ProvisioningReport.class).getResults())
					.filteredOn((result) -> result.type() == ResourceType.CONSUMER)
					.extracting(ProvisioningResult::outcome)
					.containsExactly(ProvisioningOutcome.UNCHANGED, ProvisioningOutcome.UNCHANGED,
							ProvisioningOutcome.UNCHANGED);
			});
			List<String> requests = recorder.requests();
			// One to provision, and perhaps one of the background consumer statistics.
			assertThat(requests).filteredOn((subject) -> subject.startsWith("$JS.API.CONSUMER.LIST.LISTED"))
				.hasSizeBetween(1, 2);
			assertThat(requests).filteredOn((subject) -> subject.startsWith("$JS.API.CONSUMER.INFO.LISTED."))
				.isEmpty();
			assertThat(recorder.consumerWrites()).isEmpty();
		}
	}

	/**
	 * Create a stream, and the dead-letter stream, with no handler.
	 */
	private void createStream(String name, String subjects) {
		this.contextRunner.withPropertyValues("nats.jetstream.streams." + name + ".subjects=" + subjects)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static void publish(String subject, String payload) throws Exception {
		try (Connection connection = Nats.connect(nats.url())) {
			connection.jetStream().publish(subject, payload.getBytes(StandardCharsets.UTF_8));
		}
	}

	static class OrderHandler {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsHandler("${handler.subject}")
		void on(String payload) {
			this.received.add(payload);
		}

	}

	static class ListedHandlers {

		static class First {

			@NatsHandler("listed.first")
			void on(String payload) {
			}

		}

		static class Second {

			@NatsHandler("listed.second")
			void on(String payload) {
			}

		}

		static class Third {

			@NatsHandler("listed.third")
			void on(String payload) {
			}

		}

	}

}

package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.support.NatsHeaders;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.NatsMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handler method arguments: payloads converted from JSON to records, POJOs and generic
 * types, raw bytes and strings, headers and JetStream metadata.
 */
class PayloadConversionTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private ApplicationContextRunner runner() {
		return HandlerContexts.runner(nats.server())
			.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withPropertyValues("nats.jetstream.streams.CONVERSION.subjects=conversion.>")
			.withUserConfiguration(ConversionConfiguration.class);
	}

	@Test
	void payloadsAreConvertedToTheParameterType() {
		runner().run((context) -> {
			JetStream jetStream = context.getBean(JetStream.class);
			HandlerContexts.publish(jetStream, "conversion.record", "{\"id\":\"o-1\",\"quantity\":3}");
			HandlerContexts.publish(jetStream, "conversion.pojo", "{\"id\":\"o-2\",\"quantity\":4}");
			HandlerContexts.publish(jetStream, "conversion.list",
					"[{\"id\":\"o-3\",\"quantity\":1},{\"id\":\"o-4\",\"quantity\":2}]");
			HandlerContexts.publish(jetStream, "conversion.bytes", "raw \u00e9 bytes");
			HandlerContexts.publish(jetStream, "conversion.string", "plain text");
			ConversionHandlers handlers = context.getBean(ConversionHandlers.class);
			await().atMost(HandlerContexts.patience()).until(() -> handlers.received.size() == 5);
			assertThat(handlers.received.get("record")).isEqualTo(new Order("o-1", 3));
			OrderBean pojo = (OrderBean) handlers.received.get("pojo");
			assertThat(pojo.getId()).isEqualTo("o-2");
			assertThat(pojo.getQuantity()).isEqualTo(4);
			assertThat(handlers.received.get("list")).isEqualTo(List.of(new Order("o-3", 1), new Order("o-4", 2)));
			assertThat(handlers.received.get("bytes")).isEqualTo("raw \u00e9 bytes".getBytes(StandardCharsets.UTF_8));
			assertThat(handlers.received.get("string")).isEqualTo("plain text");
		});
	}

	@Test
	void headersAndMetadataAreAvailableAsArguments() {
		runner().run((context) -> {
			JetStream jetStream = context.getBean(JetStream.class);
			io.nats.client.impl.Headers headers = new io.nats.client.impl.Headers().put("Tenant", "acme");
			jetStream.publish(NatsMessage.builder()
				.subject("conversion.headers")
				.headers(headers)
				.data("{\"id\":\"o-5\",\"quantity\":5}", StandardCharsets.UTF_8)
				.build());
			ConversionHandlers handlers = context.getBean(ConversionHandlers.class);
			await().atMost(HandlerContexts.patience()).until(() -> handlers.received.containsKey("headers"));
			@SuppressWarnings("unchecked")
			Map<String, Object> received = (Map<String, Object>) handlers.received.get("headers");
			assertThat(received).containsEntry("order", new Order("o-5", 5))
				.containsEntry("tenant", "acme")
				.containsEntry("subject", "conversion.headers")
				.containsEntry("stream", "CONVERSION")
				.containsEntry("deliveries", 1L)
				.containsEntry("rawSubject", "conversion.headers")
				.containsEntry("allHeadersTenant", "acme");
			assertThat((Long) received.get("sequence")).isPositive();
		});
	}

	@Test
	void malformedJsonIsDeadLetteredAtOnceWithReasonConversion() {
		runner().run((context) -> {
			JetStream jetStream = context.getBean(JetStream.class);
			HandlerContexts.publish(jetStream, "conversion.record", "{not json");
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.CONVERSION.handler-tests-conversionHandlers-record");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("conversion");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.DELIVERIES)).isEqualTo("1");
			assertThat(new String(deadLetter.getData(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		});
	}

	@Test
	void emptyPayloadIsDeadLetteredAtOnceWithReasonConversion() {
		runner().run((context) -> {
			JetStream jetStream = context.getBean(JetStream.class);
			HandlerContexts.publish(jetStream, "conversion.pojo", "");
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			MessageInfo deadLetter = awaitDeadLetter(management, "dlqtests.CONVERSION.handler-tests-conversionHandlers-pojo");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("conversion");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.EXCEPTION_MESSAGE))
				.contains("no payload to convert to PayloadConversionTests.OrderBean");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.DELIVERIES)).isEqualTo("1");
			assertThat(context.getBean(ConversionHandlers.class).received).doesNotContainKey("pojo");
		});
	}

	@Test
	void invalidPayloadIsDeadLetteredAtOnceWithReasonValidation() {
		runner().run((context) -> {
			JetStream jetStream = context.getBean(JetStream.class);
			HandlerContexts.publish(jetStream, "conversion.validated", "{\"id\":\"\",\"quantity\":0}");
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			MessageInfo deadLetter = awaitDeadLetter(management,
					"dlqtests.CONVERSION.handler-tests-conversionHandlers-validated");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("validation");
			assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.DELIVERIES)).isEqualTo("1");
			assertThat(context.getBean(ConversionHandlers.class).received).doesNotContainKey("validated");
		});
	}

	private static MessageInfo awaitDeadLetter(JetStreamManagement management, String subject) {
		return await().atMost(HandlerContexts.patience())
			.ignoreExceptions()
			.until(() -> management.getLastMessage("DLQ_TESTS", subject), (info) -> info != null);
	}

	record Order(String id, int quantity) {
	}

	record ValidatedOrder(@NotBlank String id, @Min(1) int quantity) {
	}

	static class OrderBean {

		private String id;

		private int quantity;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public int getQuantity() {
			return this.quantity;
		}

		public void setQuantity(int quantity) {
			this.quantity = quantity;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConversionConfiguration {

		@Bean
		ConversionHandlers conversionHandlers() {
			return new ConversionHandlers();
		}

	}

	static class ConversionHandlers {

		final Map<String, Object> received = new ConcurrentHashMap<>();

		@NatsHandler("conversion.record")
		void record(Order order) {
			this.received.put("record", order);
		}

		@NatsHandler("conversion.pojo")
		void pojo(OrderBean order) {
			this.received.put("pojo", order);
		}

		@NatsHandler("conversion.list")
		void list(@Payload List<Order> orders) {
			this.received.put("list", orders);
		}

		@NatsHandler("conversion.bytes")
		void bytes(byte[] payload) {
			this.received.put("bytes", payload);
		}

		@NatsHandler("conversion.string")
		void string(String payload) {
			this.received.put("string", payload);
		}

		@NatsHandler("conversion.validated")
		void validated(@Valid @Payload ValidatedOrder order) {
			this.received.put("validated", order);
		}

		@NatsHandler("conversion.headers")
		void headers(@Payload Order order, @Header("Tenant") String tenant,
				@Header(NatsHeaders.SUBJECT) String subject, @Header(NatsHeaders.STREAM) String stream,
				@Header(NatsHeaders.STREAM_SEQUENCE) long sequence, @Header(NatsHeaders.DELIVERY_COUNT) long deliveries,
				Message raw, @Headers Map<String, Object> all) {
			this.received.put("headers",
					Map.of("order", order, "tenant", tenant, "subject", subject, "stream", stream, "sequence", sequence,
							"deliveries", deliveries, "rawSubject", raw.getSubject(), "allHeadersTenant",
							all.get("Tenant")));
		}

	}

}

package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.JetStreamTemplateAutoConfiguration;
import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.test.NatsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the {@link JetStreamTemplate} publishes, with its {@code Content-Type}, reaches
 * handler parameters of every type: the parameter's type decides how the payload is
 * read, whatever content type the message declares.
 */
class PublishedPayloadTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner runner = HandlerContexts.runner(nats.server())
		.withConfiguration(AutoConfigurations.of(JetStreamTemplateAutoConfiguration.class))
		.withPropertyValues("nats.jetstream.streams.PUBLISHED.subjects=published.>")
		.withUserConfiguration(PublishedConfiguration.class);

	@Test
	void templatePayloadsReachHandlerParametersOfEveryType() {
		this.runner.run((context) -> {
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			template.publish("published.record", new Order("o-1", 2));
			template.publish("published.text", new Order("o-2", 3));
			template.publish("published.bytes", new Order("o-3", 4));
			template.publish("published.json-bytes", "{\"id\":\"o-4\",\"quantity\":5}".getBytes(StandardCharsets.UTF_8));
			template.publish("published.json-string", "{\"id\":\"o-5\",\"quantity\":6}");
			PublishedHandlers handlers = context.getBean(PublishedHandlers.class);
			await().atMost(HandlerContexts.patience()).until(() -> handlers.received.size() == 5);
			assertThat(handlers.received).containsEntry("record", new Order("o-1", 2))
				.containsEntry("text", "{\"id\":\"o-2\",\"quantity\":3}")
				.containsEntry("json-bytes", new Order("o-4", 5))
				.containsEntry("json-string", new Order("o-5", 6));
			assertThat(new String((byte[]) handlers.received.get("bytes"), StandardCharsets.UTF_8))
				.isEqualTo("{\"id\":\"o-3\",\"quantity\":4}");
		});
	}

	record Order(String id, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class PublishedConfiguration {

		@Bean
		PublishedHandlers publishedHandlers() {
			return new PublishedHandlers();
		}

	}

	static class PublishedHandlers {

		final Map<String, Object> received = new ConcurrentHashMap<>();

		@NatsHandler("published.record")
		void record(Order order) {
			this.received.put("record", order);
		}

		@NatsHandler("published.text")
		void text(String json) {
			this.received.put("text", json);
		}

		@NatsHandler("published.bytes")
		void bytes(byte[] json) {
			this.received.put("bytes", json);
		}

		@NatsHandler("published.json-bytes")
		void jsonBytes(Order order) {
			this.received.put("json-bytes", order);
		}

		@NatsHandler("published.json-string")
		void jsonString(Order order) {
			this.received.put("json-string", order);
		}

	}

}

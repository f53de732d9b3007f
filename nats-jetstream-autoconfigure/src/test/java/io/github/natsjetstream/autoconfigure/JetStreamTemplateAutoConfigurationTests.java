package io.github.natsjetstream.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.natsjetstream.core.JetStreamTemplate;
import io.github.natsjetstream.core.NatsPublishException;
import io.github.natsjetstream.test.NatsServerExtension;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.converter.StringMessageConverter;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JetStreamTemplateAutoConfiguration}, with the converter configuration it shares
 * with handlers.
 */
class JetStreamTemplateAutoConfigurationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				JetStreamTemplateAutoConfiguration.class))
		.withPropertyValues("nats.servers=" + nats.url());

	@Test
	void templateIsCreatedWithTheSharedConverter() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JetStreamTemplate.class)
				.hasBean(NatsHandlerAutoConfiguration.MESSAGE_CONVERTER_BEAN_NAME);
			assertThat(publish(context.getBean(JetStreamTemplate.class), context.getBean(JetStreamManagement.class),
					"TEMPLATE_BEAN", "templatebean.1")
				.getStream()).isEqualTo("TEMPLATE_BEAN");
		});
	}

	@Test
	void templateBacksOffForTheUsersTemplate() {
		this.contextRunner.withUserConfiguration(UserTemplateConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(JetStreamTemplate.class).hasBean("userTemplate"));
	}

	@Test
	void noTemplateWithoutAConnection() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JetStreamTemplateAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JetStreamTemplate.class));
	}

	@Test
	void templateIsObservedWithTheApplicationsObservationRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			publish(context.getBean(JetStreamTemplate.class), context.getBean(JetStreamManagement.class),
					"TEMPLATE_OBSERVED", "templateobserved.1");
			assertThat(registry).hasObservationWithNameEqualTo("nats.publish");
		});
	}

	@Test
	void templatePublishesWithoutMicrometerOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer."))
			.run((context) -> {
				assertThat(context).hasSingleBean(JetStreamTemplate.class).doesNotHaveBean(ObservationRegistry.class);
				assertThat(publish(context.getBean(JetStreamTemplate.class),
						context.getBean(JetStreamManagement.class), "TEMPLATE_PLAIN", "templateplain.1")
					.getSeqno()).isOne();
			});
	}

	@Test
	void publishPropertiesConfigureTheTemplate() {
		this.contextRunner
			.withPropertyValues("nats.jetstream.publish.max-in-flight=1",
					"nats.jetstream.publish.max-in-flight-timeout=0s", "nats.jetstream.publish.timeout=30s")
			.run((context) -> {
				Connection connection = context.getBean(Connection.class);
				connection.subscribe("unanswered.>");
				connection.flush(Duration.ofSeconds(10));
				JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
				CompletableFuture<PublishAck> first = template.publishAsync("unanswered.1", "x");
				CompletableFuture<PublishAck> second = template.publishAsync("unanswered.2", "x");
				assertThat(first).isNotDone();
				assertThat(second).isCompletedExceptionally();
				assertThat(second.handle((ack, ex) -> ex).join()).isInstanceOf(NatsPublishException.class)
					.hasMessageContaining("template's 1 asynchronous publishes allowed in flight")
					.hasMessageContaining("after 0s");
			});
	}

	@Test
	void maxInFlightBelowOneFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.jetstream.publish.max-in-flight=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nats.jetstream.publish.max-in-flight")
				.hasMessageContaining("Must be at least 1.");
		});
	}

	@Test
	void nonPositiveTimeoutFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.jetstream.publish.timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nats.jetstream.publish.timeout");
		});
	}

	private static PublishAck publish(JetStreamTemplate template, JetStreamManagement management, String stream,
			String subject) throws Exception {
		try {
			management.deleteStream(stream);
		}
		catch (JetStreamApiException ex) {
			// not there yet
		}
		management.addStream(
				StreamConfiguration.builder().name(stream).subjects(subject).storageType(StorageType.Memory).build());
		return template.publish(subject, "hello");
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		@Bean
		JetStreamTemplate userTemplate(Connection connection, JetStream jetStream, JetStreamManagement management) {
			return new JetStreamTemplate(connection, jetStream, management, new StringMessageConverter());
		}

	}

}

package io.github.natsjetstream.handler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable consumers: derived names, clashes, sharing, updates in place, refused changes,
 * and recreation after deletion from outside.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableConsumerTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void durableIsDerivedFromApplicationBeanAndMethod() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.DERIVED.subjects=derived.>")
			.withUserConfiguration(DerivedConfiguration.class)
			.run((context) -> {
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				ConsumerInfo info = management.getConsumerInfo("DERIVED", "handler-tests-derivedHandlers-onEvent");
				ConsumerConfiguration configuration = info.getConsumerConfiguration();
				assertThat(configuration.getFilterSubject()).isEqualTo("derived.*");
				assertThat(configuration.getAckPolicy()).isEqualTo(AckPolicy.Explicit);
				assertThat(configuration.getDeliverSubject()).isNull();
				assertThat(configuration.getDescription()).contains("DerivedHandlers.onEvent(String)");
			});
	}

	@Test
	void twoHandlersResolvingToOneDurableFailStartupNamingBoth() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.CLASH.subjects=clash.>")
			.withUserConfiguration(ClashConfiguration.class)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining("ClashHandlers.first(String)")
				.hasMessageContaining("ClashHandlers.second(String)")
				.hasMessageContaining("'shared'"));
	}

	@Test
	void twoContextsShareTheDurable() {
		SharedHandlers first = new SharedHandlers();
		SharedHandlers second = new SharedHandlers();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.SHARING.subjects=sharing.>")
			.withBean("sharedHandlers", SharedHandlers.class, () -> first)
			.run((one) -> HandlerContexts.runner(nats.server())
				.withPropertyValues("nats.jetstream.streams.SHARING.subjects=sharing.>")
				.withBean("sharedHandlers", SharedHandlers.class, () -> second)
				.run((two) -> {
					JetStreamManagement management = one.getBean(JetStreamManagement.class);
					assertThat(management.getConsumerNames("SHARING")).containsExactly("handler-tests-sharedHandlers-on");
					JetStream jetStream = one.getBean(JetStream.class);
					for (int i = 0; i < 200; i++) {
						HandlerContexts.publish(jetStream, "sharing.event", "m" + i);
					}
					await().atMost(HandlerContexts.patience())
						.until(() -> first.received.size() + second.received.size() == 200);
					assertThat(first.received).isNotEmpty();
					assertThat(second.received).isNotEmpty();
				}));
	}

	@Test
	void updatableChangeIsAppliedInPlaceAndLogged(CapturedOutput output) {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.UPDATES.subjects=updates.>")
			.withUserConfiguration(UpdatesConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.UPDATES.subjects=updates.>",
					"nats.jetstream.handlers.updates.max-deliver=9", "nats.jetstream.handlers.updates.ack-wait=45s",
					"nats.jetstream.handlers.updates.max-ack-pending=77")
			.withUserConfiguration(UpdatesConfiguration.class)
			.run((context) -> {
				ConsumerConfiguration configuration = context.getBean(JetStreamManagement.class)
					.getConsumerInfo("UPDATES", "handler-tests-updatesHandlers-on")
					.getConsumerConfiguration();
				assertThat(configuration.getMaxDeliver()).isEqualTo(Integer.MAX_VALUE);
				assertThat(configuration.getMaxAckPending()).isEqualTo(77);
				assertThat(configuration.getAckWait()).isEqualTo(Duration.ofSeconds(46));
				assertThat(configuration.getBackoff()).hasSize(9).first().isEqualTo(Duration.ofSeconds(46));
			});
		assertThat(output).contains("Consumer 'UPDATES > handler-tests-updatesHandlers-on' updated: ack_wait: 31s -> 46s")
			.contains("updated: max_ack_pending: 2000 -> 77")
			.containsPattern("updated: backoff: \\[31s, .*\\] -> \\[46s, .*\\]");
	}

	@Test
	void immutableChangeFailsStartupNamingTheField() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.IMMUTABLE.subjects=immutable.>")
			.withUserConfiguration(ImmutableConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.IMMUTABLE.subjects=immutable.>",
					"nats.jetstream.handlers.immutable.deliver-policy=new")
			.withUserConfiguration(ImmutableConfiguration.class)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, ProvisioningException.class))
				.hasMessageContaining("'IMMUTABLE > handler-tests-immutableHandlers-on'")
				.hasMessageContaining("deliver_policy: all -> new")
				.hasMessageContaining("nats consumer rm IMMUTABLE handler-tests-immutableHandlers-on"));
	}

	@Test
	void durableMadeByOthersThatConflictsIsAClearError() throws Exception {
		try (Connection connection = HandlerContexts.connect(nats.server())) {
			JetStreamManagement management = connection.jetStreamManagement();
			management.addStream(io.nats.client.api.StreamConfiguration.builder()
				.name("FOREIGN")
				.subjects("foreign.>")
				.build());
			management.addOrUpdateConsumer("FOREIGN", ConsumerConfiguration.builder()
				.durable("handler-tests-foreignHandlers-on")
				.deliverSubject("push.somewhere")
				.ackPolicy(AckPolicy.All)
				.deliverPolicy(DeliverPolicy.New)
				.build());
		}
		HandlerContexts.runner(nats.server())
			.withUserConfiguration(ForeignConfiguration.class)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, ProvisioningException.class))
				.hasMessageContaining("'FOREIGN > handler-tests-foreignHandlers-on'")
				.hasMessageContaining("deliver_subject: 'push.somewhere' -> none")
				.hasMessageContaining("ack_policy: all -> explicit")
				.hasMessageContaining("not made by @NatsHandler"));
	}

	@Test
	void durableDeletedFromOutsideIsRecreatedWithAWarning(CapturedOutput output) {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.RECREATE.subjects=recreate.>")
			.withUserConfiguration(RecreateConfiguration.class)
			.run((context) -> {
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				JetStream jetStream = context.getBean(JetStream.class);
				RecreateHandlers handlers = context.getBean(RecreateHandlers.class);
				HandlerContexts.publish(jetStream, "recreate.one", "before");
				await().atMost(HandlerContexts.patience()).until(() -> handlers.received.size() == 1);
				management.deleteConsumer("RECREATE", "handler-tests-recreateHandlers-on");
				await().atMost(Duration.ofSeconds(40))
					.until(() -> output.toString().contains("was deleted from outside; recreating it"));
				HandlerContexts.publish(jetStream, "recreate.one", "after");
				await().atMost(Duration.ofSeconds(40)).until(() -> handlers.received.contains("after"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class DerivedConfiguration {

		@Bean
		DerivedHandlers derivedHandlers() {
			return new DerivedHandlers();
		}

	}

	static class DerivedHandlers {

		@NatsHandler("derived.*")
		void onEvent(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClashConfiguration {

		@Bean
		ClashHandlers clashHandlers() {
			return new ClashHandlers();
		}

	}

	static class ClashHandlers {

		@NatsHandler(value = "clash.a", durable = "shared")
		void first(String payload) {
		}

		@NatsHandler(value = "clash.b", durable = "${clash.durable:shared}")
		void second(String payload) {
		}

	}

	static class SharedHandlers {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsHandler("sharing.*")
		void on(String payload) {
			this.received.add(payload);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UpdatesConfiguration {

		@Bean
		UpdatesHandlers updatesHandlers() {
			return new UpdatesHandlers();
		}

	}

	static class UpdatesHandlers {

		@NatsHandler(value = "updates.*", id = "updates")
		void on(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ImmutableConfiguration {

		@Bean
		ImmutableHandlers immutableHandlers() {
			return new ImmutableHandlers();
		}

	}

	static class ImmutableHandlers {

		@NatsHandler(value = "immutable.*", id = "immutable")
		void on(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ForeignConfiguration {

		@Bean
		ForeignHandlers foreignHandlers() {
			return new ForeignHandlers();
		}

	}

	static class ForeignHandlers {

		@NatsHandler(value = "foreign.*", stream = "FOREIGN")
		void on(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecreateConfiguration {

		@Bean
		RecreateHandlers recreateHandlers() {
			return new RecreateHandlers();
		}

	}

	static class RecreateHandlers {

		final List<String> received = new CopyOnWriteArrayList<>();

		@NatsHandler("recreate.*")
		void on(String payload) {
			this.received.add(payload);
		}

	}

}

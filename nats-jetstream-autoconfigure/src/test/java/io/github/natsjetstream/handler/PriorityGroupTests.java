package io.github.natsjetstream.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.PriorityPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Priority groups (nats-server 2.11): one pinned instance at a time with failover, and
 * standby instances that take work only above an overflow threshold.
 */
class PriorityGroupTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	@EnabledOnNatsServer(atLeast = "2.11", reason = "priority groups")
	void pinnedClientLetsOneInstanceHandleAtATimeAndHandsOverWhenItStops() {
		OrderHandler one = new OrderHandler();
		OrderHandler two = new OrderHandler();
		ApplicationContextRunner runner = HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.PINNED.subjects=pinned.>", "handler.subject=pinned.*",
					"nats.jetstream.handlers.orderHandler-on.priority-policy=pinned-client",
					"nats.jetstream.handlers.orderHandler-on.pin-timeout=5s");
		runner.withBean("orderHandler", OrderHandler.class, () -> one)
			.run((first) -> runner.withBean("orderHandler", OrderHandler.class, () -> two).run((second) -> {
				JetStream jetStream = first.getBean(JetStream.class);
				ConsumerInfo consumer = first.getBean(JetStreamManagement.class)
					.getConsumerInfo("PINNED", "handler-tests-orderHandler-on");
				assertThat(consumer.getConsumerConfiguration().getPriorityPolicy()).isEqualTo(PriorityPolicy.PinnedClient);
				for (int i = 0; i < 20; i++) {
					HandlerContexts.publish(jetStream, "pinned.order", "a-" + i);
				}
				await().atMost(HandlerContexts.patience()).until(() -> one.handled.size() + two.handled.size() == 20);
				OrderHandler pinned = one.handled.isEmpty() ? two : one;
				OrderHandler standby = (pinned == one) ? two : one;
				assertThat(pinned.handled).hasSize(20);
				assertThat(standby.handled).isEmpty();
				((pinned == one) ? first : second).getSourceApplicationContext().close();
				JetStream remaining = ((pinned == one) ? second : first).getBean(JetStream.class);
				for (int i = 0; i < 20; i++) {
					HandlerContexts.publish(remaining, "pinned.order", "b-" + i);
				}
				await().atMost(HandlerContexts.patience()).until(() -> standby.handled.size() == 20);
				assertThat(standby.handled).allMatch((payload) -> payload.startsWith("b-")).doesNotHaveDuplicates();
				assertThat(pinned.handled).hasSize(20).allMatch((payload) -> payload.startsWith("a-"));
			}));
	}

	@Test
	@EnabledOnNatsServer(atLeast = "2.11", reason = "priority groups")
	void overflowInstanceGetsMessagesOnlyAboveItsThreshold() {
		OrderHandler standby = new OrderHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.OVERFLOW.subjects=overflow.>", "handler.subject=overflow.*",
					"nats.jetstream.handlers.orderHandler-on.priority-policy=overflow",
					"nats.jetstream.handlers.orderHandler-on.overflow-threshold=20")
			.withBean("orderHandler", OrderHandler.class, () -> standby)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				for (int i = 0; i < 10; i++) {
					HandlerContexts.publish(jetStream, "overflow.order", "below-" + i);
				}
				// The standby's pull waits on the server while only 10 messages are pending.
				await().atMost(HandlerContexts.patience()).until(() -> {
					ConsumerInfo info = management.getConsumerInfo("OVERFLOW", "handler-tests-orderHandler-on");
					return info.getNumWaiting() > 0 && info.getNumPending() == 10;
				});
				assertThat(standby.handled).isEmpty();
				for (int i = 0; i < 30; i++) {
					HandlerContexts.publish(jetStream, "overflow.order", "above-" + i);
				}
				await().atMost(HandlerContexts.patience()).until(() -> !standby.handled.isEmpty());
			});
	}

	@Test
	@EnabledOnNatsServer(below = "2.11", reason = "the error of a server without priority groups")
	void priorityPolicyOnAServerBefore211IsAStartupErrorNamingTheSettingAndTheVersions() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.OLDPIN.subjects=oldpin.>", "handler.subject=oldpin.*",
					"nats.jetstream.handlers.orderHandler-on.priority-policy=pinned-client")
			.withBean("orderHandler", OrderHandler.class, OrderHandler::new)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, ProvisioningException.class))
				.hasMessageContaining("Consumer 'OLDPIN > handler-tests-orderHandler-on' of handler "
						+ "OrderHandler.on(String) cannot be provisioned on nats-server 2.9")
				.hasMessageContaining("property 'nats.jetstream.handlers.orderHandler-on.priority-policy'")
				.hasMessageContaining("2.11"));
	}

	static class OrderHandler {

		final List<String> handled = new CopyOnWriteArrayList<>();

		@NatsHandler("${handler.subject}")
		void on(String payload) {
			this.handled.add(payload);
		}

	}

}

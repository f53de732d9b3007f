package io.github.natsjetstream.handler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.annotation.NatsRoute;
import io.github.natsjetstream.config.InvalidHandlerException;
import io.github.natsjetstream.retry.DeadLetterHeaders;
import io.github.natsjetstream.routing.AmbiguousRouteException;
import io.github.natsjetstream.support.NatsHeaders;
import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Class-level handlers route each message to the most specific {@code @NatsRoute}.
 */
class SubjectRoutingTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void eachMessageGoesToTheMostSpecificRoute() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.ROUTING.subjects=routing.>")
			.withUserConfiguration(RoutingConfiguration.class)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				Map<String, String> expected = Map.of("routing.orders.created", "exact", "routing.orders.updated",
						"star", "routing.orders.eu.paid", "euRest", "routing.orders.us.shipped", "starShipped",
						"routing.orders.us.paid", "rest", "routing.invoices.sent", "catchAll");
				for (String subject : expected.keySet()) {
					HandlerContexts.publish(jetStream, subject, "{}");
				}
				RoutedHandlers handlers = context.getBean(RoutedHandlers.class);
				await().atMost(HandlerContexts.patience()).until(() -> handlers.routed.size() == expected.size());
				assertThat(handlers.routed).containsExactlyInAnyOrderEntriesOf(expected);
			});
	}

	@Test
	void messageWithoutRouteIsDeadLetteredWithReasonNoRoute() throws Exception {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.NOROUTE.subjects=noroute.>")
			.withUserConfiguration(NoCatchAllConfiguration.class)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				HandlerContexts.publish(jetStream, "noroute.orders.created", "{}");
				HandlerContexts.publish(jetStream, "noroute.invoices.sent", "{\"unrouted\":true}");
				NoCatchAllHandlers handlers = context.getBean(NoCatchAllHandlers.class);
				JetStreamManagement management = context.getBean(JetStreamManagement.class);
				await().atMost(HandlerContexts.patience())
					.until(() -> management.getStreamInfo("DLQ_TESTS").getStreamState().getMsgCount() >= 1
							&& handlers.subjects.size() == 1);
				MessageInfo deadLetter = management.getLastMessage("DLQ_TESTS",
						"dlqtests.NOROUTE.handler-tests-noCatchAllHandlers");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.REASON)).isEqualTo("no-route");
				assertThat(deadLetter.getHeaders().getFirst(DeadLetterHeaders.ORIGINAL_SUBJECT))
					.isEqualTo("noroute.invoices.sent");
				assertThat(new String(deadLetter.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"unrouted\":true}");
				assertThat(handlers.subjects).containsExactly("noroute.orders.created");
				StreamInfo original = management.getStreamInfo("NOROUTE");
				assertThat(original.getStreamState().getMsgCount()).isEqualTo(2);
				await().atMost(HandlerContexts.patience())
					.until(() -> management.getConsumerInfo("NOROUTE", "handler-tests-noCatchAllHandlers")
						.getNumAckPending() == 0);
			});
	}

	@Test
	@EnabledOnNatsServer(atLeast = "2.10", reason = "servers before 2.10 take one filter subject per consumer "
			+ "(HandlerStartupErrorTests.severalSubjectsOnAServerBefore210IsAStartupErrorSayingWhy)")
	void severalSubjectsShareOneConsumerFrom210() {
		SeveralSubjectsHandler handler = new SeveralSubjectsHandler();
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.MULTIPLE.subjects=multiple.>")
			.withBean("severalSubjectsHandler", SeveralSubjectsHandler.class, () -> handler)
			.run((context) -> {
				JetStream jetStream = context.getBean(JetStream.class);
				for (String subject : List.of("multiple.a", "multiple.other", "multiple.b")) {
					HandlerContexts.publish(jetStream, subject, "{}");
				}
				await().atMost(HandlerContexts.patience()).until(() -> handler.subjects.size() == 2);
				assertThat(handler.subjects).containsExactlyInAnyOrder("multiple.a", "multiple.b");
				ConsumerInfo consumer = context.getBean(JetStreamManagement.class)
					.getConsumerInfo("MULTIPLE", "handler-tests-severalSubjectsHandler-on");
				assertThat(consumer.getConsumerConfiguration().getFilterSubjects())
					.containsExactly("multiple.a", "multiple.b");
				assertThat(consumer.getNumPending()).isZero();
			});
	}

	@Test
	void twoRoutesWithTheSamePatternFailStartupNamingBothMethods() {
		HandlerContexts.runner(nats.server())
			.withPropertyValues("nats.jetstream.streams.AMBIGUOUS.subjects=ambiguous.>")
			.withUserConfiguration(AmbiguousConfiguration.class)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, AmbiguousRouteException.class))
				.hasMessageContaining("AmbiguousHandlers.first(String)")
				.hasMessageContaining("AmbiguousHandlers.second(String)")
				.hasMessageContaining("ambiguous.orders.*"));
	}

	@Test
	void invalidSubjectPatternsFailStartupNamingTheMethod() {
		Map<Class<?>, String> cases = Map.of(DoubleDotConfiguration.class, "DoubleDot.on(String)",
				InnerRestConfiguration.class, "InnerRest.on(String)", SpaceConfiguration.class, "Space.on(String)",
				EmptyConfiguration.class, "Empty.on(String)");
		cases.forEach((configuration, method) -> HandlerContexts.runner(nats.server())
			.withUserConfiguration(configuration)
			.run((context) -> assertThat(HandlerContexts.startupFailure(context, InvalidHandlerException.class))
				.hasMessageContaining(method)));
	}

	@Configuration(proxyBeanMethods = false)
	static class RoutingConfiguration {

		@Bean
		RoutedHandlers routedHandlers() {
			return new RoutedHandlers();
		}

	}

	@NatsHandler("routing.>")
	static class RoutedHandlers {

		final Map<String, String> routed = new ConcurrentHashMap<>();

		@NatsRoute("routing.orders.created")
		void exact(Message message) {
			this.routed.put(message.getSubject(), "exact");
		}

		@NatsRoute("routing.orders.*")
		void star(@Header(NatsHeaders.SUBJECT) String subject) {
			this.routed.put(subject, "star");
		}

		@NatsRoute("routing.orders.>")
		void rest(@Header(NatsHeaders.SUBJECT) String subject) {
			this.routed.put(subject, "rest");
		}

		@NatsRoute("routing.orders.*.shipped")
		void starShipped(@Header(NatsHeaders.SUBJECT) String subject) {
			this.routed.put(subject, "starShipped");
		}

		@NatsRoute("routing.orders.eu.>")
		void euRest(@Header(NatsHeaders.SUBJECT) String subject) {
			this.routed.put(subject, "euRest");
		}

		@NatsRoute(">")
		void catchAll(@Header(NatsHeaders.SUBJECT) String subject) {
			this.routed.put(subject, "catchAll");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoCatchAllConfiguration {

		@Bean
		NoCatchAllHandlers noCatchAllHandlers() {
			return new NoCatchAllHandlers();
		}

	}

	@NatsHandler("noroute.>")
	static class NoCatchAllHandlers {

		final List<String> subjects = new CopyOnWriteArrayList<>();

		@NatsRoute("noroute.orders.*")
		void orders(@Header(NatsHeaders.SUBJECT) String subject) {
			this.subjects.add(subject);
		}

	}

	static class SeveralSubjectsHandler {

		final List<String> subjects = new CopyOnWriteArrayList<>();

		@NatsHandler({ "multiple.a", "multiple.b" })
		void on(@Header(NatsHeaders.SUBJECT) String subject) {
			this.subjects.add(subject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AmbiguousConfiguration {

		@Bean
		AmbiguousHandlers ambiguousHandlers() {
			return new AmbiguousHandlers();
		}

	}

	@NatsHandler("ambiguous.>")
	static class AmbiguousHandlers {

		@NatsRoute("ambiguous.orders.*")
		void first(String payload) {
		}

		@NatsRoute({ "ambiguous.invoices.*", "ambiguous.orders.*" })
		void second(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DoubleDotConfiguration {

		@Bean
		DoubleDot invalidHandlers() {
			return new DoubleDot();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InnerRestConfiguration {

		@Bean
		InnerRest invalidHandlers() {
			return new InnerRest();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpaceConfiguration {

		@Bean
		Space invalidHandlers() {
			return new Space();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

		@Bean
		Empty invalidHandlers() {
			return new Empty();
		}

	}

	static class DoubleDot {

		@NatsHandler("orders..x")
		void on(String payload) {
		}

	}

	static class InnerRest {

		@NatsHandler("orders.>.x")
		void on(String payload) {
		}

	}

	static class Space {

		@NatsHandler("orders. created")
		void on(String payload) {
		}

	}

	static class Empty {

		@NatsHandler("")
		void on(String payload) {
		}

	}

}

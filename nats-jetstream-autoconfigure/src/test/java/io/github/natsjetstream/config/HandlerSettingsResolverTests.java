package io.github.natsjetstream.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.retry.DeadLetterReason;
import io.github.natsjetstream.retry.ErrorClassifier;
import io.github.natsjetstream.retry.InvalidDeadLetterSubjectException;
import io.github.natsjetstream.retry.ListBackoff;
import io.github.natsjetstream.retry.RetryBackoff;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class HandlerSettingsResolverTests {

	private static final DeclaredHandlerSettings DEFAULTS = new DeclaredHandlerSettings(1, 5,
			new ListBackoff(List.of(Duration.ofSeconds(1))), Duration.ofSeconds(30), 1000, DeliverPolicySetting.ALL,
			"dlq.{stream}.{durable}", true, List.of(), null, PriorityPolicySetting.NONE, Duration.ofSeconds(30), 0L, 100, Duration.ofMillis(100));

	private static final String HANDLER = "Orders.on(Order)";

	private static final ErrorClassifier POISON = (failure) -> DeadLetterReason.NON_RETRYABLE;

	@Test
	void unsetAttributesTakeTheDefaults() {
		HandlerSettings settings = resolver(Map.of()).resolve("orders", HANDLER, DeclaredHandlerSettings.NONE);
		assertThat(settings.values()).isEqualTo(DEFAULTS);
		assertThat(settings.deadLetterSubject("ORDERS", "orders-on")).isEqualTo("dlq.ORDERS.orders-on");
		assertThat(settings.sources()).containsValue(SettingSource.DEFAULT).doesNotContainValue(SettingSource.PROPERTY);
	}

	@Test
	void annotationAttributesOverrideTheDefaults() {
		DeclaredHandlerSettings annotation = new DeclaredHandlerSettings(4, 7, durations("1s", "5s", "30s"),
				Duration.ofSeconds(10), 50, DeliverPolicySetting.of("last-per-subject"), "dlq.custom", false,
				List.of(IllegalArgumentException.class), null, null, null, null, null, null);
		HandlerSettings settings = resolver(Map.of()).resolve("orders", HANDLER, annotation);
		assertThat(settings.concurrency()).isEqualTo(4);
		assertThat(settings.maxDeliver()).isEqualTo(7);
		assertThat(((ListBackoff) settings.backoff()).getDelays()).containsExactly(Duration.ofSeconds(1),
				Duration.ofSeconds(5), Duration.ofSeconds(30));
		assertThat(settings.ackWait()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.maxAckPending()).isEqualTo(50);
		assertThat(settings.deliverPolicy().policy()).isEqualTo(DeliverPolicy.LastPerSubject);
		assertThat(settings.deadLetterSubject("ORDERS", "d")).isEqualTo("dlq.custom");
		assertThat(settings.autoStartup()).isFalse();
		assertThat(settings.noRetryFor()).containsExactly(IllegalArgumentException.class);
		assertThat(settings.errorClassifier().classify(new IllegalArgumentException()))
			.isEqualTo(DeadLetterReason.NON_RETRYABLE);
		assertThat(settings.sourceOf("ackWait")).isEqualTo(SettingSource.ANNOTATION);
	}

	@Test
	void configurationOverridesWinOverTheAnnotation() {
		DeclaredHandlerSettings overrides = new DeclaredHandlerSettings(2, 9, durations("500ms"), Duration.ofSeconds(5),
				20, DeliverPolicySetting.of("new"), "dlq.ops", true, null, null, null, null, null, null, null);
		DeclaredHandlerSettings annotation = new DeclaredHandlerSettings(4, 7, durations("1s"), Duration.ofSeconds(10),
				50, DeliverPolicySetting.ALL, "dlq.custom", false, null, null, null, null, null, null, null);
		HandlerSettings settings = resolver(Map.of("orders", overrides)).resolve("orders", HANDLER, annotation);
		assertThat(settings.concurrency()).isEqualTo(2);
		assertThat(settings.maxDeliver()).isEqualTo(9);
		assertThat(settings.backoff().delayAfter(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(settings.ackWait()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.maxAckPending()).isEqualTo(20);
		assertThat(settings.deliverPolicy().policy()).isEqualTo(DeliverPolicy.New);
		assertThat(settings.deadLetterSubject("ORDERS", "d")).isEqualTo("dlq.ops");
		assertThat(settings.autoStartup()).isTrue();
		assertThat(settings.sourceOf("concurrency")).isEqualTo(SettingSource.PROPERTY);
		assertThat(settings.sourceOf("noRetryFor")).isEqualTo(SettingSource.DEFAULT);
	}

	@Test
	void overridesMatchTheHandlerIdAsRelaxedBindingWritesIt() {
		DeclaredHandlerSettings overrides = new DeclaredHandlerSettings(3, null, (RetryBackoff) null, null, null, null,
				null, null, null, null, null, null, null, null, null);
		HandlerSettings settings = resolver(Map.of("orderhandlers-oncreated", overrides)).resolve(
				"orderHandlers-onCreated", HANDLER, DeclaredHandlerSettings.NONE);
		assertThat(settings.concurrency()).isEqualTo(3);
	}

	@Test
	void backoffLongerThanMaxDeliverIsAccepted() {
		DeclaredHandlerSettings annotation = new DeclaredHandlerSettings(null, 2, durations("1s", "2s", "3s"), null,
				null, null, null, null, null, null, null, null, null, null, null);
		HandlerSettings settings = resolver(Map.of()).resolve("orders", HANDLER, annotation);
		assertThat(settings.backoff().schedule(settings.maxDeliver())).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void invalidValueIsAnErrorNamingTheHandlerTheValueAndWhereItWasDeclared() {
		DeclaredHandlerSettings annotation = new DeclaredHandlerSettings(0, null, (RetryBackoff) null, null, null, null,
				null, null, null, null, null, null, null, null, null);
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of()).resolve("orders", HANDLER, annotation))
			.withMessage("Invalid concurrency '0' of handler 'orders' (" + HANDLER
					+ "), from attribute 'concurrency' of @NatsHandler: must be between 1 and 1000");
	}

	@Test
	void invalidOverrideIsAnErrorNamingTheProperty() {
		DeclaredHandlerSettings overrides = new DeclaredHandlerSettings(null, null, (RetryBackoff) null, null, 0, null,
				null, null, null, null, null, null, null, null, null);
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of("orders", overrides)).resolve("orders", HANDLER,
					DeclaredHandlerSettings.NONE))
			.withMessageContaining("Invalid maxAckPending '0' of handler 'orders'")
			.withMessageContaining("from property 'nats.jetstream.handlers.orders.max-ack-pending'");
	}

	@Test
	void concurrencyAboveTheBoundIsRefusedBeforeAnyThreadIsMade() {
		DeclaredHandlerSettings overrides = new DeclaredHandlerSettings(100_000, null, (RetryBackoff) null, null, null,
				null, null, null, null, null, null, null, null, null, null);
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of("orders", overrides)).resolve("orders", HANDLER,
					DeclaredHandlerSettings.NONE))
			.withMessageContaining("Invalid concurrency '100000'")
			.withMessageContaining("'nats.jetstream.handlers.orders.concurrency'")
			.withMessageContaining("must be between 1 and 1000");
	}

	@Test
	void errorClassifierIsLookedUpByName() {
		DeclaredHandlerSettings annotation = new DeclaredHandlerSettings(null, null, (RetryBackoff) null, null, null,
				null, null, null, null, "poison", null, null, null, null, null);
		HandlerSettings settings = resolver(Map.of()).resolve("orders", HANDLER, annotation);
		assertThat(settings.errorClassifier().classify(new IllegalStateException()))
			.isEqualTo(DeadLetterReason.NON_RETRYABLE);
	}

	@Test
	void unknownErrorClassifierIsAnErrorNamingTheHandler() {
		DeclaredHandlerSettings annotation = new DeclaredHandlerSettings(null, null, (RetryBackoff) null, null, null,
				null, null, null, null, "missing", null, null, null, null, null);
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of()).resolve("orders", HANDLER, annotation))
			.withMessageContaining("Invalid errorClassifier 'missing' of handler 'orders' (" + HANDLER + ")")
			.withMessageContaining("is not an ErrorClassifier bean (no bean named 'missing')");
	}

	@Test
	void overrideForAnUnknownHandlerIdIsAnErrorNamingTheClosestIds() {
		HandlerSettingsResolver resolver = resolver(Map.of("ordrs-onCreated", DeclaredHandlerSettings.NONE));
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver.checkEveryOverrideMatches(
					List.of("payments-onPaid", "orders-onCreated", "orders-onCancelled", "audit")))
			.withMessageStartingWith("Property 'nats.jetstream.handlers.ordrs-onCreated' configures no handler")
			.withMessageContaining("The closest handler ids are 'orders-onCreated', 'orders-onCancelled'");
	}

	@Test
	void overridesOfExistingHandlersPassTheCheck() {
		HandlerSettingsResolver resolver = resolver(Map.of("orders-oncreated", DeclaredHandlerSettings.NONE));
		assertThatNoException().isThrownBy(() -> resolver.checkEveryOverrideMatches(List.of("orders-onCreated")));
	}

	@Test
	void pinnedClientWithSeveralWorkersIsAnErrorSayingWhy() {
		DeclaredHandlerSettings annotation = new DeclaredHandlerSettings(2, null, (RetryBackoff) null, null, null, null,
				null, null, null, null, PriorityPolicySetting.PINNED_CLIENT, null, null, null, null);
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of()).resolve("orders", HANDLER, annotation))
			.withMessageContaining("Invalid priorityPolicy 'pinned-client' of handler 'orders'")
			.withMessageContaining("use it with concurrency 1, not 2");
	}

	@Test
	void priorityPolicyParsesAsWritten() {
		assertThat(PriorityPolicySetting.of("pinned-client")).isEqualTo(PriorityPolicySetting.PINNED_CLIENT);
		assertThat(PriorityPolicySetting.of("Overflow")).isEqualTo(PriorityPolicySetting.OVERFLOW);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> PriorityPolicySetting.of("pinned"))
			.withMessage("'pinned' is not a priority policy: expected none, pinned-client or overflow");
	}

	@Test
	void unknownPlaceholderInTheDeadLetterSubjectIsAnErrorNamingThePropertyAndTheAllowedOnes() {
		DeclaredHandlerSettings overrides = new DeclaredHandlerSettings(null, null, (RetryBackoff) null, null, null,
				null, "dlq.{nope}.{durable}", null, null, null, null, null, null, null, null);
		assertThatExceptionOfType(InvalidDeadLetterSubjectException.class)
			.isThrownBy(() -> resolver(Map.of("orders", overrides)).resolve("orders", HANDLER,
					DeclaredHandlerSettings.NONE))
			.withMessageContaining("nats.jetstream.handlers.orders.dead-letter")
			.withMessageContaining("{nope}")
			.withMessageContaining("{stream} and {durable}");
	}

	@Test
	void distanceCountsEdits() {
		assertThat(HandlerSettingsResolver.distance("orders", "ordrs")).isEqualTo(1);
		assertThat(HandlerSettingsResolver.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(HandlerSettingsResolver.distance("", "abc")).isEqualTo(3);
	}

	private static List<Duration> durations(String... values) {
		return Arrays.stream(values).map(DurationStyle::detectAndParse).toList();
	}

	private static HandlerSettingsResolver resolver(Map<String, DeclaredHandlerSettings> overrides) {
		return new HandlerSettingsResolver(DEFAULTS, overrides, (name) -> {
			if (name.equals("poison")) {
				return POISON;
			}
			throw new IllegalStateException("no bean named '" + name + "'");
		});
	}

}

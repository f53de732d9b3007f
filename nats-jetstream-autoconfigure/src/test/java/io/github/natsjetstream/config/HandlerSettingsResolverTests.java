package io.github.natsjetstream.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.retry.ListBackoff;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HandlerSettingsResolverTests {

	private static final HandlerSettings DEFAULTS = new HandlerSettings(1, 5, new ListBackoff(List.of(Duration.ofSeconds(1))),
			Duration.ofSeconds(30), 1000, DeliverPolicySetting.ALL, List.of(), null, null, true);

	private static final String HANDLER = "Orders.on(Order)";

	@Test
	void unsetAttributesTakeTheDefaults() {
		HandlerSettings settings = resolver(Map.of()).resolve("orders", HANDLER, HandlerAttributes.NONE);
		assertThat(settings).isEqualTo(DEFAULTS);
	}

	@Test
	void annotationAttributesOverrideTheDefaults() {
		HandlerAttributes attributes = new HandlerAttributes("4", "7", "1s, 5s, 30s", "10s", "50", "last-per-subject",
				"dlq.custom", "false", List.of(IllegalArgumentException.class));
		HandlerSettings settings = resolver(Map.of()).resolve("orders", HANDLER, attributes);
		assertThat(settings.concurrency()).isEqualTo(4);
		assertThat(settings.maxDeliver()).isEqualTo(7);
		assertThat(((ListBackoff) settings.backoff()).getDelays()).containsExactly(Duration.ofSeconds(1),
				Duration.ofSeconds(5), Duration.ofSeconds(30));
		assertThat(settings.ackWait()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.maxAckPending()).isEqualTo(50);
		assertThat(settings.deliverPolicy().policy()).isEqualTo(DeliverPolicy.LastPerSubject);
		assertThat(settings.deadLetterSubject()).isEqualTo("dlq.custom");
		assertThat(settings.autoStartup()).isFalse();
		assertThat(settings.noRetryFor()).containsExactly(IllegalArgumentException.class);
	}

	@Test
	void configurationOverridesWinOverTheAnnotation() {
		HandlerOverrides overrides = new HandlerOverrides(2, 9, List.of(Duration.ofMillis(500)), Duration.ofSeconds(5),
				20, "new", "dlq.ops", true);
		HandlerAttributes attributes = new HandlerAttributes("4", "7", "1s", "10s", "50", "all", "dlq.custom", "false",
				List.of());
		HandlerSettings settings = resolver(Map.of("orders", overrides)).resolve("orders", HANDLER, attributes);
		assertThat(settings.concurrency()).isEqualTo(2);
		assertThat(settings.maxDeliver()).isEqualTo(9);
		assertThat(settings.backoff().delayAfter(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(settings.ackWait()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.maxAckPending()).isEqualTo(20);
		assertThat(settings.deliverPolicy().policy()).isEqualTo(DeliverPolicy.New);
		assertThat(settings.deadLetterSubject()).isEqualTo("dlq.ops");
		assertThat(settings.autoStartup()).isTrue();
	}

	@Test
	void backoffLongerThanMaxDeliverIsAConfigurationErrorNamingTheHandler() {
		HandlerAttributes attributes = new HandlerAttributes(null, "2", "1s, 2s, 3s", null, null, null, null, null,
				List.of());
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of()).resolve("orders", HANDLER, attributes))
			.withMessageContaining("handler 'orders' (" + HANDLER + ")")
			.withMessageContaining("has 3 delays but maxDeliver is 2")
			.withMessageContaining("Invalid backoff of handler");
	}

	@Test
	void unparsableAttributeIsAnErrorNamingTheAttributeAndValue() {
		HandlerAttributes attributes = new HandlerAttributes("many", null, null, null, null, null, null, null,
				List.of());
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of()).resolve("orders", HANDLER, attributes))
			.withMessageContaining("attribute 'concurrency' ('many')")
			.withMessageContaining(HANDLER);
	}

	@Test
	void invalidOverrideIsAnErrorNamingTheProperty() {
		HandlerOverrides overrides = new HandlerOverrides(null, null, null, null, null, "sometimes", null, null);
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of("orders", overrides)).resolve("orders", HANDLER, HandlerAttributes.NONE))
			.withMessageContaining("nats.jetstream.handlers.orders.deliver-policy")
			.withMessageContaining("expected all, new, last, last-per-subject or by-start-time");
	}

	@Test
	void zeroConcurrencyIsRefused() {
		HandlerAttributes attributes = new HandlerAttributes("0", null, null, null, null, null, null, null, List.of());
		assertThatExceptionOfType(InvalidHandlerException.class)
			.isThrownBy(() -> resolver(Map.of()).resolve("orders", HANDLER, attributes))
			.withMessageContaining("concurrency")
			.withMessageContaining("at least 1");
	}

	private static HandlerSettingsResolver resolver(Map<String, HandlerOverrides> overrides) {
		return new HandlerSettingsResolver(DEFAULTS, overrides::get);
	}

}

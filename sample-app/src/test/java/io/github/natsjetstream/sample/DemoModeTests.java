package io.github.natsjetstream.sample;

import java.time.Duration;

import io.github.natsjetstream.test.NatsServerExtension;
import io.github.natsjetstream.test.NatsServerPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo mode, as the README's run command starts it: within seconds the log shows
 * orders handled, payments retried, a refund dead-lettered and an unknown event caught by
 * the catch-all, and then the URLs to look at.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.demo.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@DynamicPropertySource
	static void natsProperties(DynamicPropertyRegistry registry) {
		NatsServerPropertySource.registerProperties(registry, nats);
	}

	@Test
	void theLogShowsHandlingARetryADeadLetterAndThenTheUrls(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Demo: the orders are settled"));
		String log = output.getOut();
		assertThat(log).contains("accepted; requesting its payment", "confirmation sent to ada",
				"failed on delivery 1: Payment gateway timed out", "paid on delivery 3 of its payment request",
				"Dead-lettered message payments.requested of handler PaymentHandler.pay",
				"(reason non-retryable, io.github.natsjetstream.sample.RefundsDisabledException",
				"Order event on orders.eu.created has no route of its own");
		String guide = log.substring(log.indexOf("Demo: the orders are settled"));
		assertThat(guide).contains("/orders/", "/actuator/health", "/actuator/nats", "/actuator/nats/dead-letters",
				"/actuator/prometheus", "--sample.payments.refunds-enabled=true",
				"curl -X POST http://localhost:");
		assertThat(log.indexOf("Dead-lettered message")).as("the URLs come after the dead letter")
			.isLessThan(log.indexOf("Demo: the orders are settled"));
	}

}

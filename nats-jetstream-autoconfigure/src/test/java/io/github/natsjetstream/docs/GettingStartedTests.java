package io.github.natsjetstream.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.github.natsjetstream.docs.samples.gettingstarted.OrdersApplication;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the application of {@code docs/getting-started.md}, with its
 * {@code application.yml}, against a real server, and publishes the order the page
 * publishes.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class GettingStartedTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void applicationOfTheGettingStartedPageHandlesAnOrder(CapturedOutput output) throws Exception {
		Path configuration = DocsFiles.repositoryRoot()
			.resolve(DocsSamples.ROOT)
			.resolve("gettingstarted/application.yml");
		try (ConfigurableApplicationContext context = SpringApplication.from(OrdersApplication::main)
			.run("--spring.config.location=file:" + configuration, "--nats.servers=" + nats.url(),
					"--spring.main.web-application-type=none", "--spring.docker.compose.enabled=false",
					"--spring.main.banner-mode=off")
			.getApplicationContext()) {
			assertThat(context.getBean(JetStreamManagement.class).getStreamNames()).contains("ORDERS");
			context.getBean(JetStream.class)
				.publish("orders.created",
						"{\"id\":\"42\",\"customer\":\"ada\",\"amount\":12.50}".getBytes(StandardCharsets.UTF_8));
			await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Order 42 of ada created"));
		}
	}

}

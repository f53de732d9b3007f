package io.github.natsjetstream.sample;

import java.time.Duration;

import io.github.natsjetstream.test.NatsServerExtension;
import io.github.natsjetstream.test.NatsServerPropertySource;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class SampleApplicationTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@DynamicPropertySource
	static void natsProperties(DynamicPropertyRegistry registry) {
		NatsServerPropertySource.registerProperties(registry, nats);
	}

	@Autowired
	private Connection connection;

	@Autowired
	private JetStreamManagement jetStreamManagement;

	@Autowired
	private OrderHandlers orderHandlers;

	@Test
	void sampleProvisionsItsStreamAndHandlesTheOrdersItPublishes() throws Exception {
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		assertThat(this.jetStreamManagement.getStreamNames()).contains("SAMPLE_ORDERS", "DLQ");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.orderHandlers.handled().size() == 3);
		assertThat(this.orderHandlers.handled()).extracting(Order::customer)
			.containsExactlyInAnyOrder("ada", "grace", "linus");
	}

}

package io.github.natsjetstream.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * An orders service built on the NATS JetStream starter: {@code POST /orders} publishes
 * {@code orders.created}, handlers accept the order, charge it through a flaky payment
 * gateway (with retries) and record its status in a key-value bucket, which
 * {@code GET /orders/{id}} reads. Orders whose payment cannot succeed go to the
 * dead-letter stream, and come back with a replay from the {@code nats} Actuator
 * endpoint.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	/**
	 * Run the sample.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}

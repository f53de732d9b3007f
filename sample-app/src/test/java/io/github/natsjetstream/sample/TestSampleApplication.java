package io.github.natsjetstream.sample;

import io.github.natsjetstream.test.LocalNatsServerConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample for development with {@code ./mvnw -pl sample-app spring-boot:test-run}:
 * uses the NATS server of {@code nats.servers} ({@code localhost:4222}) when one is
 * listening there, and otherwise starts a local {@code nats-server} for the application's
 * lifetime, its store kept in {@code target/local-nats-server}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	/**
	 * Run the sample with a local NATS server.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(LocalNatsServerConfiguration.class).run(args);
	}

}

package io.github.natsjetstream.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application that uses the NATS JetStream starter.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Run the sample.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}

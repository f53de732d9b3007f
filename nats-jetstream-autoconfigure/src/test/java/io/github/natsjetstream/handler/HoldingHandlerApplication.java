package io.github.natsjetstream.handler;

import java.util.concurrent.CountDownLatch;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application, run in a child JVM by {@link ReplacementInstanceTests}, with default
 * consumer settings and a handler that never returns: it holds every message it pulled
 * until its process is killed.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
		NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class })
public class HoldingHandlerApplication {

	/**
	 * Run the application.
	 * @param args the server URL
	 */
	public static void main(String[] args) {
		new SpringApplicationBuilder(HoldingHandlerApplication.class).web(WebApplicationType.NONE)
			.properties(ReplacementInstanceTests.properties(args[0]))
			.run(args);
	}

	@Bean
	HoldingHandler holdingHandler() {
		return new HoldingHandler();
	}

	static class HoldingHandler {

		private final CountDownLatch never = new CountDownLatch(1);

		@NatsHandler(value = "hold.*", id = "holder", durable = "holder")
		void on(String payload) throws InterruptedException {
			this.never.await();
		}

	}

}

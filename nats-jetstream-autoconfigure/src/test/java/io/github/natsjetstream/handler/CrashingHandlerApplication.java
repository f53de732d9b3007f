package io.github.natsjetstream.handler;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.retry.DeadLetterRecoverer;
import io.github.natsjetstream.retry.PublishingDeadLetterRecoverer;
import io.nats.client.JetStream;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application, run in a child JVM by {@link CrashRecoveryTests}, whose process dies
 * while handling a message: inside the handler ({@code handler} mode), or right after
 * publishing the dead letter and before terminating the original
 * ({@code after-dead-letter} mode, the first time only).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
		NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class })
public class CrashingHandlerApplication {

	static final int CRASH_EXIT_CODE = 3;

	private static String mode = "handler";

	private static Path marker;

	/**
	 * Run the application.
	 * @param args the server URL, the mode and a marker file path
	 */
	public static void main(String[] args) {
		mode = args[1];
		marker = Path.of(args[2]);
		new SpringApplicationBuilder(CrashingHandlerApplication.class).web(WebApplicationType.NONE)
			.properties("nats.servers=" + args[0], "spring.application.name=crash", "spring.docker.compose.enabled=false",
					"nats.jetstream.dead-letter.stream=DLQ_CRASH", "nats.jetstream.dead-letter.subjects=dlqcrash.>",
					"nats.jetstream.dead-letter.subject=dlqcrash.{stream}.{durable}",
					"nats.jetstream.consumer-defaults.ack-wait=1s", "nats.jetstream.consumer-defaults.max-deliver=3",
					"nats.jetstream.consumer-defaults.backoff.delays=100ms")
			.run(args);
	}

	@Bean
	CrashingHandler crashingHandler() {
		return new CrashingHandler();
	}

	@Bean
	DeadLetterRecoverer crashingRecoverer(JetStream jetStream) {
		DeadLetterRecoverer publishing = new PublishingDeadLetterRecoverer(jetStream);
		return (deadLetter) -> {
			publishing.recover(deadLetter);
			if ("after-dead-letter".equals(mode) && !Files.exists(marker)) {
				Files.createFile(marker);
				Runtime.getRuntime().halt(CRASH_EXIT_CODE);
			}
		};
	}

	static class CrashingHandler {

		@NatsHandler(value = "crash.*", stream = "CRASH", noRetryFor = IllegalArgumentException.class)
		void on(String payload) {
			if ("handler".equals(mode)) {
				Runtime.getRuntime().halt(CRASH_EXIT_CODE);
			}
			throw new IllegalArgumentException("rejected");
		}

	}

}

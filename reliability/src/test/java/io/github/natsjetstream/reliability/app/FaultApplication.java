package io.github.natsjetstream.reliability.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.natsjetstream.autoconfigure.NatsOptionsCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The application under test of the fault suite, run in child JVMs: one {@link FaultHandler}
 * on the stream {@code FAULTS} with the starter's defaults unless the test says otherwise,
 * recording every message it handles ({@link HandledRecorder}). The test passes everything
 * as command-line properties ({@code --nats.servers=...}, {@code --faults.record=...}), and
 * learns that the handler runs from the file {@code faults.ready}, written once the
 * application is ready. With {@code faults.servers-in-order=true} it connects to the first
 * server of {@code nats.servers}, and on losing it to the next, instead of in random order.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(FaultProperties.class)
public class FaultApplication {

	/**
	 * Run the application.
	 * @param args command-line properties
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(FaultApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

	@Bean
	HandledRecorder handledRecorder(FaultProperties properties) {
		return new HandledRecorder(properties.getInstance(), properties.getRecord());
	}

	@Bean
	FaultHandler faultHandler(HandledRecorder recorder, FaultProperties properties) {
		return new FaultHandler(recorder, properties.getWork());
	}

	@Bean
	NatsOptionsCustomizer serverOrder(FaultProperties properties) {
		return (builder) -> {
			if (properties.isServersInOrder()) {
				builder.noRandomize();
			}
		};
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> readyMarker(@Value("${faults.ready}") Path ready) {
		return (event) -> {
			try {
				Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

}

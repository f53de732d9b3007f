package io.github.natsjetstream.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.autoconfigure.NatsAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsHandlerAutoConfiguration;
import io.github.natsjetstream.autoconfigure.NatsProvisioningAutoConfiguration;
import io.github.natsjetstream.autoconfigure.actuate.NatsEndpointAutoConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts an application the way a user would (SpringApplication, the starter's
 * auto-configurations) and returns what "APPLICATION FAILED TO START" said.
 *
 * @param description the Description of the report
 * @param action the Action of the report
 * @param failure the exception the application failed with
 */
record StartupFailure(String description, String action, Throwable failure) {

	/**
	 * Properties every start has: names the tests' dead-letter stream and keeps the
	 * connection attempts short.
	 */
	private static final List<String> COMMON_PROPERTIES = List.of("spring.application.name=bad-input",
			"nats.connection-timeout=2s", "nats.jetstream.dead-letter.stream=BAD_INPUT_DLQ",
			"nats.jetstream.dead-letter.subjects=badinput-dlq.>",
			"nats.jetstream.dead-letter.subject=badinput-dlq.{stream}.{durable}");

	/**
	 * Start an application that must fail.
	 * @param serverUrl the URL of the server to connect to, unless the properties say
	 * otherwise
	 * @param properties the properties, applied after the common ones
	 * @param beans the beans to register, by name
	 * @return the failure report
	 * @throws AssertionError when the application started, or failed without a report
	 */
	static StartupFailure of(String serverUrl, List<String> properties, Map<String, Class<?>> beans) {
		SpringApplicationBuilder application = application(serverUrl, properties, beans);
		RecordingFailureAnalysisReporter.reset();
		Throwable failure = null;
		try (ConfigurableApplicationContext context = application.run()) {
			// started: no failure
		}
		catch (Throwable ex) {
			failure = ex;
		}
		if (failure == null) {
			throw new AssertionError("The application started with " + properties + " and beans " + beans.keySet());
		}
		FailureAnalysis analysis = RecordingFailureAnalysisReporter.last();
		if (analysis == null) {
			throw new AssertionError("No FailureAnalyzer explained the failure: " + failure, failure);
		}
		return new StartupFailure(analysis.getDescription(), nonNull(analysis.getAction()), failure);
	}

	/**
	 * Return an application of the starter's auto-configurations.
	 * @param serverUrl the URL of the server to connect to, unless the properties say
	 * otherwise
	 * @param properties the properties, applied after the common ones
	 * @param beans the beans to register, by name
	 * @return the application, to run
	 */
	static SpringApplicationBuilder application(String serverUrl, List<String> properties, Map<String, Class<?>> beans) {
		List<String> all = new ArrayList<>(COMMON_PROPERTIES);
		all.add("nats.servers=" + serverUrl);
		all.addAll(properties);
		return new SpringApplicationBuilder(BadInputApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.properties(all.toArray(String[]::new))
			.initializers((context) -> beans
				.forEach((name, type) -> ((GenericApplicationContext) context).registerBean(name, type)));
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	/**
	 * Return the whole report, Description then Action.
	 * @return the report
	 */
	String report() {
		return "Description:\n\n" + this.description + "\n\nAction:\n\n" + this.action;
	}

	/**
	 * An application of the starter's auto-configurations and nothing else (the
	 * dead-letters endpoint only where exposed).
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, JacksonAutoConfiguration.class,
			NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class, NatsHandlerAutoConfiguration.class,
			NatsEndpointAutoConfiguration.class })
	static class BadInputApplication {

	}

}

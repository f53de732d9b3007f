package io.github.natsjetstream.badinput;

import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.natsjetstream.test.NatsServerAssumptions;
import io.github.natsjetstream.test.NatsServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input of {@link BadInputCases} fails startup with Spring Boot's "APPLICATION
 * FAILED TO START" report, whose Description names the culprit and whose Description or
 * Action says the way out.
 */
class BadInputTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@TempDir
	static Path directory;

	private static BadInputServers servers;

	@BeforeAll
	static void createServers() {
		servers = new BadInputServers(nats.server(), directory);
	}

	@AfterAll
	static void closeServers() {
		servers.close();
	}

	static Stream<BadInput> badInputs() {
		return BadInputCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void failsStartupNamingTheCulpritAndTheWayOut(BadInput badInput) {
		if (badInput.serverBelow() != null) {
			NatsServerAssumptions.assumeBelow(badInput.server(servers), badInput.serverBelow());
		}
		StartupFailure failure = StartupFailure.of(badInput.server(servers).url(), badInput.properties(servers),
				badInput.beans());
		assertThat(failure.description()).as("Description").contains(badInput.message());
		badInput.names().forEach((name) -> assertThat(failure.description()).as("Description").contains(name));
		assertThat(failure.report()).as("report").contains(badInput.wayOut());
	}

}

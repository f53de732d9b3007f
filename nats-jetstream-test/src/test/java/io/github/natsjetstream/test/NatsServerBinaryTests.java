package io.github.natsjetstream.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NatsServerBinaryTests {

	@Test
	void missingBinaryNamedBySystemPropertyIsReportedWithInstallInstructions(@TempDir Path dir) {
		Path missing = dir.resolve("no-such-nats-server");
		Map<String, String> properties = Map.of(NatsServerBinary.SYSTEM_PROPERTY, missing.toString());

		assertThatIllegalStateException().isThrownBy(() -> NatsServerBinary.locate(properties::get, (name) -> null))
			.withMessageContaining(missing.toString())
			.withMessageContaining("apt-get install -y nats-server")
			.withMessageContaining("brew install nats-server")
			.withMessageContaining("NATS_SERVER_BINARY")
			.withMessageContaining("-Dnats.server.binary");
	}

	@Test
	void missingBinaryNamedByEnvironmentVariableIsReportedWithInstallInstructions(@TempDir Path dir) {
		Map<String, String> environment = Map.of(NatsServerBinary.ENVIRONMENT_VARIABLE, dir.resolve("gone").toString());

		assertThatIllegalStateException()
			.isThrownBy(() -> NatsServerBinary.locate((name) -> null, environment::get))
			.withMessageContaining("environment variable NATS_SERVER_BINARY")
			.withMessageContaining("apt-get install -y nats-server");
	}

	@Test
	void executableOnThePathIsFound(@TempDir Path dir) throws Exception {
		Path fake = Files.createFile(dir.resolve("nats-server"));
		assertThat(fake.toFile().setExecutable(true)).isTrue();

		assertThat(NatsServerBinary.locate((name) -> null, Map.of("PATH", dir.toString())::get)).isEqualTo(fake);
	}

	@Test
	void systemPropertyWinsOverEnvironmentVariable(@TempDir Path dir) throws Exception {
		Path fromProperty = Files.createFile(dir.resolve("from-property"));
		Path fromEnvironment = Files.createFile(dir.resolve("from-environment"));
		assertThat(fromProperty.toFile().setExecutable(true)).isTrue();
		assertThat(fromEnvironment.toFile().setExecutable(true)).isTrue();

		Path located = NatsServerBinary.locate(Map.of(NatsServerBinary.SYSTEM_PROPERTY, fromProperty.toString())::get,
				Map.of(NatsServerBinary.ENVIRONMENT_VARIABLE, fromEnvironment.toString())::get);

		assertThat(located).isEqualTo(fromProperty);
	}

	@Test
	void binaryOfThisMachineIsFound() {
		assertThat(NatsServerBinary.locate()).isExecutable();
	}

}

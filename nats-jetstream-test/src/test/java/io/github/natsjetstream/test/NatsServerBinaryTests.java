package io.github.natsjetstream.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NatsServerBinaryTests {

	@TempDir
	Path dir;

	@Test
	void missingBinaryNamedBySystemPropertyIsReportedWithInstallInstructions() {
		Path missing = this.dir.resolve("no-such-nats-server");
		Map<String, String> properties = Map.of(NatsServerBinary.SYSTEM_PROPERTY, missing.toString());

		assertThatIllegalStateException()
			.isThrownBy(() -> NatsServerBinary.locate(properties::get, (name) -> null, this.dir))
			.withMessageContaining(missing.toString())
			.withMessageContaining("apt-get install -y nats-server")
			.withMessageContaining("brew install nats-server")
			.withMessageContaining("NATS_SERVER_BINARY")
			.withMessageContaining("-Dnats.server.binary");
	}

	@Test
	void missingBinaryNamedByEnvironmentVariableIsReportedWithInstallInstructions() {
		Map<String, String> environment = Map.of(NatsServerBinary.ENVIRONMENT_VARIABLE,
				this.dir.resolve("gone").toString());

		assertThatIllegalStateException()
			.isThrownBy(() -> NatsServerBinary.locate((name) -> null, environment::get, this.dir))
			.withMessageContaining("environment variable NATS_SERVER_BINARY")
			.withMessageContaining("apt-get install -y nats-server");
	}

	@Test
	void executableOnThePathIsFound() throws Exception {
		Path onPath = executable(this.dir.resolve("bin/nats-server"), "2.9.10");

		assertThat(NatsServerBinary.locate((name) -> null, Map.of("PATH", onPath.getParent().toString())::get,
				this.dir))
			.isEqualTo(onPath);
	}

	@Test
	void systemPropertyWinsOverEnvironmentVariable() throws Exception {
		Path fromProperty = executable(this.dir.resolve("from-property"), "2.15.1");
		Path fromEnvironment = executable(this.dir.resolve("from-environment"), "2.9.10");

		Path located = NatsServerBinary.locate(Map.of(NatsServerBinary.SYSTEM_PROPERTY, fromProperty.toString())::get,
				Map.of(NatsServerBinary.ENVIRONMENT_VARIABLE, fromEnvironment.toString())::get, this.dir);

		assertThat(located).isEqualTo(fromProperty);
	}

	@Test
	void environmentVariableWinsOverTheProjectCache() throws Exception {
		Path fromEnvironment = executable(this.dir.resolve("from-environment"), "2.9.10");
		executable(this.dir.resolve(NatsServerBinary.PROJECT_CACHE), "2.15.1");

		Path located = NatsServerBinary.locate((name) -> null,
				Map.of(NatsServerBinary.ENVIRONMENT_VARIABLE, fromEnvironment.toString())::get, this.dir);

		assertThat(located).isEqualTo(fromEnvironment);
	}

	@Test
	void projectCacheInAParentOfTheWorkingDirectoryWinsOverThePath() throws Exception {
		Path cached = executable(this.dir.resolve(NatsServerBinary.PROJECT_CACHE), "2.15.1");
		Path onPath = executable(this.dir.resolve("bin/nats-server"), "2.9.10");
		Path module = Files.createDirectories(this.dir.resolve("some-module/target"));

		Path located = NatsServerBinary.locate((name) -> null, Map.of("PATH", onPath.getParent().toString())::get,
				module);

		assertThat(located).isEqualTo(cached);
	}

	@Test
	void nearestProjectCacheWins() throws Exception {
		executable(this.dir.resolve(NatsServerBinary.PROJECT_CACHE), "2.15.1");
		Path module = Files.createDirectories(this.dir.resolve("some-module"));
		Path nearest = executable(module.resolve(NatsServerBinary.PROJECT_CACHE), "2.12.0");

		assertThat(NatsServerBinary.locate((name) -> null, (name) -> null, module)).isEqualTo(nearest);
	}

	@Test
	void versionIsReadFromTheExecutable() throws Exception {
		Path binary = executable(this.dir.resolve("nats-server"), "2.9.10");

		assertThat(NatsServerBinary.version(binary)).isEqualTo(NatsServerVersion.parse("2.9.10"));
	}

	@Test
	void outputWithoutAVersionIsAnErrorQuotingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NatsServerBinary.parseVersionOutput(Path.of("/opt/nats-server"), "Usage: nats-server"))
			.withMessageContaining("/opt/nats-server --version")
			.withMessageContaining("'Usage: nats-server'");
	}

	@Test
	void binaryOfThisMachineIsFound() {
		Path binary = NatsServerBinary.locate();

		assertThat(binary).isExecutable();
		assertThat(NatsServerBinary.version(binary).isAtLeast("2.9")).isTrue();
	}

	/**
	 * Writes a stand-in for {@code nats-server} that only answers {@code --version}.
	 */
	static Path executable(Path path, String version) throws Exception {
		Files.createDirectories(path.getParent());
		Files.writeString(path, "#!/bin/sh\necho 'nats-server: v" + version + "'\n");
		assertThat(path.toFile().setExecutable(true)).isTrue();
		return path;
	}

}

package io.github.natsjetstream.test;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NatsServerAssumptionsTests {

	@Test
	void testOfANewerFeatureIsAbortedOnAnOlderServerNamingBothVersions(@TempDir Path dir) throws Exception {
		Path binary = NatsServerBinaryTests.executable(dir.resolve("nats-server"), "2.9.10");
		try (NatsServer server = NatsServer.builder().binary(binary).build()) {
			assertThatExceptionOfType(TestAbortedException.class)
				.isThrownBy(() -> NatsServerAssumptions.assumeAtLeast(server, "2.11"))
				.withMessageContaining("Needs nats-server 2.11 or later but " + server + " runs nats-server 2.9.10");
			assertThatCode(() -> NatsServerAssumptions.assumeBelow(server, "2.10")).doesNotThrowAnyException();
		}
	}

	@Test
	void testOfAnOlderServerIsAbortedOnANewerOne(@TempDir Path dir) throws Exception {
		Path binary = NatsServerBinaryTests.executable(dir.resolve("nats-server"), "2.15.1");
		try (NatsServer server = NatsServer.builder().binary(binary).build()) {
			assertThatCode(() -> NatsServerAssumptions.assumeAtLeast(server, "2.11")).doesNotThrowAnyException();
			assertThatExceptionOfType(TestAbortedException.class)
				.isThrownBy(() -> NatsServerAssumptions.assumeBelow(server, "2.10"))
				.withMessageContaining("About nats-server before 2.10 but " + server + " runs nats-server 2.15.1");
		}
	}

}

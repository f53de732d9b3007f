package io.github.natsjetstream.test;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

class NatsContainersConfigurationTests {

	@Test
	void containerRunsJetStreamAndExposesTheClientPortWithoutNeedingDocker() {
		try (GenericContainer<?> container = NatsContainers.jetStream()) {
			assertThat(container.getCommandParts()).containsExactly("-js");
			assertThat(container.getExposedPorts()).containsExactly(4222);
		}
	}

	@Test
	void defaultImageIsNamedNatsSoServiceConnectionsMatchIt() {
		DockerImageName image = DockerImageName.parse(NatsContainers.DEFAULT_IMAGE);

		assertThat(image.getRepository()).isEqualTo("nats");
		assertThat(image.getVersionPart()).isEqualTo("2.10");
	}

}

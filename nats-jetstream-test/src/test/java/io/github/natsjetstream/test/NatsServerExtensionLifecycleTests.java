package io.github.natsjetstream.test;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class NatsServerExtensionLifecycleTests {

	@Test
	void serverIsClosedAfterTheTestClass() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(NatsServerExtensionTests.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(3).failed(0));

		assertThatIllegalStateException().isThrownBy(NatsServerExtensionTests.nats::server);
		assertThat(NatsServerExtensionTests.serverSeenBeforeAll.isRunning()).isFalse();
		assertThat(NatsServerExtensionTests.serverSeenBeforeAll.workDir()).doesNotExist();
	}

}

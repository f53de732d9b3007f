package io.github.natsjetstream.test;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class EnabledOnNatsServerTests {

	private static final Path BINARY = Path.of("/usr/sbin/nats-server");

	private static final NatsServerVersion OLDEST = NatsServerVersion.parse("2.9.10");

	private static final NatsServerVersion CURRENT = NatsServerVersion.parse("2.15.1");

	@Test
	void testOfANewerFeatureIsSkippedOnAnOlderServerNamingBothVersions() throws Exception {
		ConditionEvaluationResult result = EnabledOnNatsServerCondition.evaluate(annotation("from211"), OLDEST, BINARY);

		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).contains(
				"Needs nats-server 2.11 or later but the tests run nats-server 2.9.10 (/usr/sbin/nats-server)");
	}

	@Test
	void testOfANewerFeatureRunsOnANewerServer() throws Exception {
		assertThat(EnabledOnNatsServerCondition.evaluate(annotation("from211"), CURRENT, BINARY).isDisabled())
			.isFalse();
	}

	@Test
	void testOfAnOlderServerIsSkippedOnANewerOneWithTheGivenReason() throws Exception {
		ConditionEvaluationResult result = EnabledOnNatsServerCondition.evaluate(annotation("before210"), CURRENT,
				BINARY);

		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).contains("About nats-server before 2.10 but the tests run nats-server 2.15.1 "
				+ "(/usr/sbin/nats-server): 2.10 allows several filter subjects");
		assertThat(EnabledOnNatsServerCondition.evaluate(annotation("before210"), OLDEST, BINARY).isDisabled())
			.isFalse();
	}

	@Test
	void rangeRunsOnlyInside() throws Exception {
		EnabledOnNatsServer range = annotation("from210Before212");

		assertThat(EnabledOnNatsServerCondition.evaluate(range, OLDEST, BINARY).isDisabled()).isTrue();
		assertThat(EnabledOnNatsServerCondition.evaluate(range, NatsServerVersion.parse("2.11.3"), BINARY).isDisabled())
			.isFalse();
		assertThat(EnabledOnNatsServerCondition.evaluate(range, CURRENT, BINARY).isDisabled()).isTrue();
	}

	@Test
	void annotationWithoutVersionsIsAConfigurationError() throws Exception {
		assertThatExceptionOfType(ExtensionConfigurationException.class)
			.isThrownBy(() -> EnabledOnNatsServerCondition.evaluate(annotation("unbounded"), CURRENT, BINARY))
			.withMessage("@EnabledOnNatsServer needs atLeast, below or both");
	}

	@Test
	void skippedTestsReportTheVersionOfTheServerTheKitRuns() {
		NatsServerVersion running = NatsServerBinary.version(NatsServerBinary.locate());

		Events events = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(VersionedTests.class))
			.execute()
			.testEvents();

		events.assertStatistics((stats) -> stats.succeeded(1).skipped(2).failed(0));
		assertThat(events.skipped().stream().map(Event::getPayload))
			.map((payload) -> payload.map(String.class::cast).orElseThrow())
			.containsExactlyInAnyOrder(
					"Needs nats-server 999 or later but the tests run nats-server " + running + " ("
							+ NatsServerBinary.locate() + ")",
					"About nats-server before 1 but the tests run nats-server " + running + " ("
							+ NatsServerBinary.locate() + ")");
	}

	private static EnabledOnNatsServer annotation(String method) throws Exception {
		return Declarations.class.getDeclaredMethod(method).getAnnotation(EnabledOnNatsServer.class);
	}

	static class Declarations {

		@EnabledOnNatsServer(atLeast = "2.11")
		void from211() {
		}

		@EnabledOnNatsServer(below = "2.10", reason = "2.10 allows several filter subjects")
		void before210() {
		}

		@EnabledOnNatsServer(atLeast = "2.10", below = "2.12")
		void from210Before212() {
		}

		@EnabledOnNatsServer
		void unbounded() {
		}

	}

	static class VersionedTests {

		@Test
		@EnabledOnNatsServer(atLeast = "2")
		void runsOnEveryServer() {
		}

		@Test
		@EnabledOnNatsServer(atLeast = "999")
		void needsAServerFromTheFuture() {
		}

		@Test
		@EnabledOnNatsServer(below = "1")
		void needsAServerFromThePast() {
		}

	}

}

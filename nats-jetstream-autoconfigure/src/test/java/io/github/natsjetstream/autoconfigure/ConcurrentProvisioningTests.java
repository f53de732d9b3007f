package io.github.natsjetstream.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.provisioning.ProvisioningOutcome;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.provisioning.ProvisioningResult;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of an application starting together against one empty server.
 */
class ConcurrentProvisioningTests {

	private static final int INSTANCES = 5;

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@Test
	void fiveContextsStartingTogetherAllStartAndCreateExactlyOneStream() throws Exception {
		CyclicBarrier provisioningStarts = new CyclicBarrier(INSTANCES);
		ApplicationContextRunner runner = ProvisioningTestSupport.contextRunner(nats.url())
			.withPropertyValues("nats.jetstream.streams.CONCURRENT.subjects=concurrent.>",
					"nats.jetstream.streams.CONCURRENT.max-age=1h",
					"nats.jetstream.streams.CONCURRENT.description=Started together")
			// Holds every context right before provisioning until all five are there
			.withBean(StartTogether.class, () -> new StartTogether(provisioningStarts));
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES);
		try (JetStreamApiRecorder recorder = new JetStreamApiRecorder(nats.server())) {
			List<Future<ProvisioningOutcome>> outcomes = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				outcomes.add(executor.submit(() -> {
					ProvisioningOutcome[] outcome = new ProvisioningOutcome[1];
					runner.run((context) -> {
						assertThat(context).hasNotFailed();
						ProvisioningResult result = context.getBean(ProvisioningReport.class).getResults().get(0);
						outcome[0] = result.outcome();
					});
					return outcome[0];
				}));
			}
			for (Future<ProvisioningOutcome> outcome : outcomes) {
				assertThat(outcome.get(60, TimeUnit.SECONDS)).isIn(ProvisioningOutcome.CREATED,
						ProvisioningOutcome.UNCHANGED);
			}
			assertThat(recorder.writes()).allMatch("$JS.API.STREAM.CREATE.CONCURRENT"::equals).isNotEmpty();
		}
		finally {
			executor.shutdownNow();
		}
		try (Connection connection = Nats.connect(nats.url())) {
			JetStreamManagement management = connection.jetStreamManagement();
			assertThat(management.getStreamNames()).containsExactly("CONCURRENT");
			StreamConfiguration stream = management.getStreamInfo("CONCURRENT").getConfiguration();
			assertThat(stream.getSubjects()).containsExactly("concurrent.>");
			assertThat(stream.getDescription()).isEqualTo("Started together");
		}
	}

	static class StartTogether {

		StartTogether(CyclicBarrier barrier) {
			try {
				barrier.await(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The other contexts did not get ready", ex);
			}
		}

	}

}

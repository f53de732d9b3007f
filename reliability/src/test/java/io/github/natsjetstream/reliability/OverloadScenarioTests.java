package io.github.natsjetstream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.test.NatsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 5: overload. {@value #MESSAGES_FULL} messages wait in the stream when an
 * application with the starter's defaults (one worker, max ack pending 1000) and a heap of
 * at most {@value ApplicationInstance#MAX_HEAP} starts; it works through them while the
 * test samples its resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) every
 * 500ms. What an instance holds is bounded by its pulls, not by the backlog, so its memory
 * stays flat: at most {@value #RSS_LIMIT_MB} MB resident.
 */
@FullSuiteOnly
class OverloadScenarioTests {

	private static final int MESSAGES_FULL = 200_000;

	private static final int MESSAGES = Suite.messages(20_000, MESSAGES_FULL);

	private static final long RSS_LIMIT_MB = 512;

	@Test
	void backlogOfTwoHundredThousandMessagesLeavesMemoryFlat(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
		try (NatsServer server = NatsServer.builder().build().start();
				FaultRun run = new FaultRun(dir, server.url(), server.version().toString())) {
			run.createStreams(1);
			BitSet acknowledged = run.publish(MESSAGES, null).awaitAcknowledged(Duration.ofMinutes(10));
			ApplicationInstance app = run.startInstance("app");
			List<Long> samples = new CopyOnWriteArrayList<>();
			ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			try {
				sampler.scheduleAtFixedRate(() -> app.residentKilobytes().ifPresent(samples::add), 0, 500,
						TimeUnit.MILLISECONDS);
				app.awaitReady();
				long readyAt = System.currentTimeMillis();
				long readyRss = app.residentKilobytes().orElse(-1);
				Ledger ledger = run.awaitSettled(acknowledged);
				long doneAt = System.currentTimeMillis();
				sampler.shutdownNow();
				assertThat(app.isAlive()).as(run::describe).isTrue();
				long maxRss = samples.stream().mapToLong(Long::longValue).max().orElse(-1);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("rssAtReadyMb", readyRss / 1024);
				details.put("rssMaxMb", maxRss / 1024);
				details.put("rssLastMb", samples.isEmpty() ? -1 : samples.get(samples.size() - 1) / 1024);
				details.put("rssSamples", samples.size());
				details.put("heapMax", ApplicationInstance.MAX_HEAP);
				details.put("messagesPerSecond", MESSAGES * 1000L / Math.max(1, doneAt - readyAt));
				Figures figures = run.figures("5-overload", ledger, acknowledged, -1, details);
				assertThat(figures.lost()).as(run::describe).isZero();
				assertThat(maxRss).as("resident memory (kB) of the application under a backlog of %d", MESSAGES)
					.isPositive()
					.isLessThan(RSS_LIMIT_MB * 1024);
			}
			finally {
				sampler.shutdownNow();
			}
		}
	}

}

package io.github.natsjetstream.retry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.autoconfigure.JetStreamApiRecorder;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.PurgeOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeadLetterCounter} counts by subject from the stream's state, and by reason from
 * the headers of the latest {@value DeadLetterCounter#MAX_READ} sequences, read through a
 * {@link DeadLetterReader} in one pass whatever the gaps, leaving no consumer behind.
 */
class DeadLetterCounterTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static Connection connection;

	@BeforeAll
	static void connect() throws Exception {
		connection = Nats.connect(nats.url());
	}

	@AfterAll
	static void close() throws Exception {
		connection.close();
	}

	@Test
	void countsTheReasonsOfTheLatestDeadLettersInOnePassWhateverTheGaps() throws Exception {
		JetStreamManagement management = connection.jetStreamManagement();
		createStream(management, "DLQ_COUNT", "dlqcount.>");
		Map<String, Long> reasons = new TreeMap<>();
		long deadLetters = fill(connection.jetStream(), DeadLetterCounter.MAX_READ + 2_001, 6, reasons);
		management.purgeStream("DLQ_COUNT", PurgeOptions.subject("dlqcount.gap"));
		DeadLetterCounter counter = new DeadLetterCounter(connection.jetStream(), management, "DLQ_COUNT");
		try (JetStreamApiRecorder requests = new JetStreamApiRecorder(nats.server())) {

			DeadLetterCounts counts = counter.count();

			assertThat(counts.messages()).isEqualTo(deadLetters);
			assertThat(counts.subjects()).containsExactly(Map.entry("dlqcount.ORDERS.orders", deadLetters));
			assertThat(counts.reasons()).isEqualTo(reasons);
			assertThat(counts.reasonsRead()).isEqualTo(reasons.values().stream().mapToLong(Long::longValue).sum());
			List<String> reads = requests.requests()
				.stream()
				.filter((subject) -> subject.startsWith("$JS.API.CONSUMER.MSG.NEXT."))
				.toList();
			System.out.println("Counted the reasons of " + counts.reasonsRead() + " dead letters with " + reads.size()
					+ " pull request(s)");
			assertThat(reads).as("pull requests to read %d headers", counts.reasonsRead()).hasSizeLessThanOrEqualTo(3);
		}
		assertThat(management.getStreamInfo("DLQ_COUNT").getStreamState().getConsumerCount()).isZero();
	}

	@Test
	void emptyDeadLetterStreamCountsNothing() throws Exception {
		JetStreamManagement management = connection.jetStreamManagement();
		createStream(management, "DLQ_EMPTY", "dlqempty.>");

		DeadLetterCounts counts = new DeadLetterCounter(connection.jetStream(), management, "DLQ_EMPTY").count();

		assertThat(counts.messages()).isZero();
		assertThat(counts.subjects()).isEmpty();
		assertThat(counts.reasons()).isEmpty();
		assertThat(counts.reasonsRead()).isZero();
	}

	/**
	 * Publish {@code range} messages, every {@code every}th a dead letter (with a reason
	 * that varies, or none), the first and the last among them, the others on
	 * {@code dlqcount.gap}, to be purged; count the reasons of the dead letters within the
	 * latest {@link DeadLetterCounter#MAX_READ} sequences.
	 * @return the number of dead letters
	 */
	private static long fill(JetStream jetStream, int range, int every, Map<String, Long> reasons) throws Exception {
		List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
		long deadLetters = 0;
		for (int i = 0; i < range; i++) {
			long sequence = i + 1;
			if (i % every == 0) {
				int deadLetter = i / every;
				deadLetters++;
				String reason = (deadLetter % 2 == 0) ? DeadLetterReason.NON_RETRYABLE.getValue()
						: (deadLetter % 5 == 0) ? null : DeadLetterReason.MAX_DELIVER.getValue();
				Headers headers = new Headers().put(DeadLetterHeaders.ORIGINAL_SUBJECT, "orders");
				if (reason != null) {
					headers.put(DeadLetterHeaders.REASON, reason);
				}
				acks.add(jetStream.publishAsync(NatsMessage.builder()
					.subject("dlqcount.ORDERS.orders")
					.headers(headers)
					.data("order-" + i, StandardCharsets.UTF_8)
					.build()));
				if (sequence > range - DeadLetterCounter.MAX_READ) {
					reasons.merge((reason != null) ? reason : DeadLetterCounter.UNKNOWN_REASON, 1L, Long::sum);
				}
			}
			else {
				acks.add(jetStream.publishAsync("dlqcount.gap", new byte[0]));
			}
			if (acks.size() == 1_000) {
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
				acks.clear();
			}
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		return deadLetters;
	}

	private static void createStream(JetStreamManagement management, String name, String subjects) throws Exception {
		management.addStream(StreamConfiguration.builder()
			.name(name)
			.subjects(subjects)
			.storageType(StorageType.Memory)
			.build());
	}

}

package io.github.natsjetstream.listener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsjetstream.test.EnabledOnNatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@link ConsumerListing} reads from a real server's consumer list the same numbers as
 * jnats' {@code ConsumerInfo}, over several pages and whatever else the consumers'
 * configurations hold.
 */
class ConsumerListingTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static final AtomicInteger counter = new AtomicInteger();

	private static Connection connection;

	private static JetStreamManagement management;

	private static JetStream jetStream;

	@BeforeAll
	static void connect() throws Exception {
		connection = Nats.connect(nats.url());
		management = connection.jetStreamManagement();
		jetStream = connection.jetStream();
	}

	@AfterAll
	static void close() throws Exception {
		connection.close();
	}

	@Test
	void listShouldReadTheNumbersOfEveryConsumerOverSeveralPages() throws Exception {
		String stream = createStream();
		for (int i = 0; i < 300; i++) {
			management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
				.durable("c" + i)
				.ackPolicy(AckPolicy.Explicit)
				.ackWait(Duration.ofMinutes(1))
				.description("consumer \"" + i + "\" with \\ {braces} [and] , commas \u00e9")
				.metadata(Map.of("owner", "team \"a\"", "nested", "{\"x\":[1,2]}"))
				// A nak'd message of c1 comes again at once, without a backoff.
				.backoff((i == 1) ? new Duration[0] : new Duration[] { Duration.ofSeconds(1), Duration.ofSeconds(2) })
				.maxDeliver(5)
				.build());
		}
		for (int i = 0; i < 5; i++) {
			jetStream.publish(stream + ".m", ("message " + i).getBytes(StandardCharsets.UTF_8));
		}
		// c0: two delivered and not acknowledged; c1: one delivered again after a nak.
		JetStreamSubscription c0 = jetStream.subscribe(null, PullSubscribeOptions.bind(stream, "c0"));
		assertThat(c0.fetch(2, Duration.ofSeconds(5))).hasSize(2);
		JetStreamSubscription c1 = jetStream.subscribe(null, PullSubscribeOptions.bind(stream, "c1"));
		List<Message> first = c1.fetch(1, Duration.ofSeconds(5));
		assertThat(first).hasSize(1);
		first.get(0).nak();
		assertThat(c1.fetch(1, Duration.ofSeconds(5))).hasSize(1);

		Map<String, ConsumerListPage.Entry> listed = new ConsumerListing(connection,
				JetStreamOptions.DEFAULT_JS_OPTIONS)
			.list(stream);

		List<ConsumerInfo> infos = management.getConsumers(stream);
		assertThat(listed).hasSize(300).hasSameSizeAs(infos);
		for (ConsumerInfo info : infos) {
			assertThat(listed.get(info.getName())).isEqualTo(new ConsumerListPage.Entry(info.getName(),
					info.getNumPending(), info.getNumAckPending(), info.getRedelivered(), info.getPaused()));
		}
		assertThat(listed.get("c0").ackPending()).isEqualTo(2);
		assertThat(listed.get("c0").pending()).isEqualTo(3);
		// c1's redelivered is the server's to count (2.9 counts differently): as jnats reads it, above.
		assertThat(listed.get("c2").pending()).isEqualTo(5);
		c0.unsubscribe();
		c1.unsubscribe();
	}

	@Test
	void listShouldReadNoConsumersOfAStreamWithout() throws Exception {
		String stream = createStream();

		assertThat(new ConsumerListing(connection, JetStreamOptions.DEFAULT_JS_OPTIONS).list(stream)).isEmpty();
	}

	@Test
	@EnabledOnNatsServer(atLeast = "2.11")
	void listShouldReadWhetherAConsumerIsPaused() throws Exception {
		String stream = createStream();
		management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable("paused").build());
		management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable("running").build());
		management.pauseConsumer(stream, "paused", ZonedDateTime.now().plusHours(1));

		Map<String, ConsumerListPage.Entry> listed = new ConsumerListing(connection,
				JetStreamOptions.DEFAULT_JS_OPTIONS)
			.list(stream);

		assertThat(listed.get("paused").paused()).isTrue();
		assertThat(listed.get("running").paused()).isFalse();
	}

	@Test
	void listShouldFailWithTheServersErrorForAMissingStream() {
		ConsumerListing listing = new ConsumerListing(connection, JetStreamOptions.DEFAULT_JS_OPTIONS);

		assertThatIOException().isThrownBy(() -> listing.list("MISSING_" + counter.incrementAndGet()))
			.withMessageContaining("answered with an error")
			.withMessageContaining("10059");
	}

	@Test
	void listShouldUseTheApiPrefixOfTheOptions() throws Exception {
		String stream = createStream();
		management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable("one").build());
		JetStreamOptions elsewhere = JetStreamOptions.builder()
			.prefix("$ELSEWHERE.API")
			.requestTimeout(Duration.ofMillis(200))
			.build();

		assertThatIOException().isThrownBy(() -> new ConsumerListing(connection, elsewhere).list(stream))
			.withMessageContaining("$ELSEWHERE.API.CONSUMER.LIST." + stream);
	}

	private static String createStream() throws IOException, io.nats.client.JetStreamApiException {
		String stream = "LISTING_" + counter.incrementAndGet();
		management.addStream(StreamConfiguration.builder()
			.name(stream)
			.subjects(stream + ".>")
			.storageType(StorageType.Memory)
			.build());
		return stream;
	}

}

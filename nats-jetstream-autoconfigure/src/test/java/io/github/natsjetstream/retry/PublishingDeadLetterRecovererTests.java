package io.github.natsjetstream.retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.Source;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A dead letter reaches the dead-letter stream whatever JetStream headers the original
 * carries: each case stores an original with the headers as the server keeps them, takes
 * it from a real consumer, and dead-letters it to a dead-letter stream configured like the
 * starter's own. The headers the server would act on again are kept under
 * {@code Dlq-Original-<name>}.
 */
class PublishingDeadLetterRecovererTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private static final AtomicInteger counter = new AtomicInteger();

	private static Connection connection;

	@BeforeAll
	static void connect() throws Exception {
		connection = Nats.connect(nats.url());
	}

	@AfterAll
	static void close() throws Exception {
		connection.close();
	}

	static Stream<HeaderCase> headerCases() {
		return Stream.of(
				new HeaderCase("Nats-Msg-Id", "2.9.0", List.of("Nats-Msg-Id"), Origin::createStream,
						(origin) -> origin.publish(PublishOptions.builder().messageId("order-1").build())),
				new HeaderCase("Nats-Expected-Stream", "2.9.0", List.of("Nats-Expected-Stream"), Origin::createStream,
						(origin) -> origin.publish(PublishOptions.builder().expectedStream(origin.stream()).build())),
				new HeaderCase("Nats-Expected-Last-Sequence", "2.9.0", List.of("Nats-Expected-Last-Sequence"),
						Origin::createStream, (origin) -> {
							origin.filler("other");
							origin.filler("other");
							origin.publish(PublishOptions.builder().expectedLastSequence(2).build());
						}),
				new HeaderCase("Nats-Expected-Last-Subject-Sequence", "2.9.0",
						List.of("Nats-Expected-Last-Subject-Sequence"), Origin::createStream, (origin) -> {
							origin.filler("other");
							origin.filler("msg");
							origin.publish(PublishOptions.builder().expectedLastSubjectSequence(2).build());
						}),
				new HeaderCase("Nats-Expected-Last-Msg-Id", "2.9.0", List.of("Nats-Expected-Last-Msg-Id"),
						Origin::createStream, (origin) -> {
							origin.js()
								.publish(origin.subject("other"), new byte[0],
										PublishOptions.builder().messageId("filler-1").build());
							origin.publish(PublishOptions.builder().expectedLastMsgId("filler-1").build());
						}),
				new HeaderCase("Nats-Rollup", "2.9.0", List.of("Nats-Rollup"),
						(origin) -> origin.createStream((builder) -> builder.allowRollup(true)),
						(origin) -> origin.publish(new Headers().put("Nats-Rollup", "sub"))),
				new HeaderCase("Nats-Marker-Reason", "2.9.0", List.of("Nats-Marker-Reason"), Origin::createStream,
						(origin) -> origin.publish(new Headers().put("Nats-Marker-Reason", "MaxAge"))),
				new HeaderCase("Nats-Stream-Source", "2.9.0", List.of("Nats-Stream-Source"),
						Origin::createSourcedStream, (origin) -> origin.publish(new Headers())),
				new HeaderCase("Nats-TTL", "2.11.0", List.of("Nats-TTL"),
						(origin) -> origin.createStream(StreamConfiguration.Builder::allowMessageTtl),
						(origin) -> origin.publish(new Headers().put("Nats-TTL", "1h"))),
				new HeaderCase("Nats-Expected-Last-Subject-Sequence-Subject", "2.11.0",
						List.of("Nats-Expected-Last-Subject-Sequence", "Nats-Expected-Last-Subject-Sequence-Subject"),
						Origin::createStream, (origin) -> {
							origin.filler("other");
							origin.publish(new Headers().put("Nats-Expected-Last-Subject-Sequence", "1")
								.put("Nats-Expected-Last-Subject-Sequence-Subject", origin.subject("other")));
						}),
				new HeaderCase("Nats-Incr", "2.12.0", List.of("Nats-Incr"),
						(origin) -> origin.createStream(StreamConfiguration.Builder::allowMessageCounter),
						(origin) -> origin.js()
							.publish(NatsMessage.builder()
								.subject(origin.subject("msg"))
								.headers(new Headers().put("Nats-Incr", "1").put("Trace-Id", "t-1"))
								.build())),
				new HeaderCase("Nats-Batch-Id", "2.12.0",
						List.of("Nats-Batch-Id", "Nats-Batch-Sequence", "Nats-Batch-Commit"),
						(origin) -> origin.createStream(StreamConfiguration.Builder::allowAtomicPublish),
						(origin) -> origin.publish(new Headers().put("Nats-Batch-Id", "batch-1")
							.put("Nats-Batch-Sequence", "1")
							.put("Nats-Batch-Commit", "1"))),
				new HeaderCase("Nats-Schedule", "2.12.0",
						List.of("Nats-Schedule", "Nats-Schedule-Target", "Nats-Rollup"),
						(origin) -> origin.createStream(StreamConfiguration.Builder::allowMessageSchedules),
						(origin) -> origin
							.publish(new Headers().put("Nats-Schedule", "@at " + Instant.now().plus(Duration.ofHours(1)))
								.put("Nats-Schedule-Target", origin.subject("target")))),
				new HeaderCase("Nats-Scheduler", "2.12.0", List.of("Nats-Scheduler", "Nats-Schedule-Next"),
						(origin) -> origin.createStream(StreamConfiguration.Builder::allowMessageSchedules),
						HeaderCase::publishBySchedule),
				new HeaderCase("Nats-Required-Api-Level", "2.12.0", List.of("Nats-Required-Api-Level"),
						Origin::createStream,
						(origin) -> origin.publish(new Headers().put("Nats-Required-Api-Level", "1"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("headerCases")
	void originalWithJetStreamHeaderIsDeadLetteredWithTheHeaderKeptUnderAnotherName(HeaderCase headerCase)
			throws Exception {
		assumeServerAtLeast(headerCase.minimumVersion(), headerCase.name());
		JetStreamManagement management = connection.jetStreamManagement();
		Origin origin = new Origin(connection, "ORIG" + counter.incrementAndGet());
		headerCase.streams().create(origin);
		String deadLetters = "DLQ_" + origin.stream();
		management.addStream(StreamConfiguration.builder()
			.name(deadLetters)
			.subjects(deadLetters.toLowerCase() + ".>")
			.storageType(StorageType.File)
			.build());
		headerCase.publisher().publish(origin);
		Message original = origin.awaitOriginal();
		assertThat(original.getHeaders().keySet()).as("headers of the stored original")
			.containsAll(headerCase.headers());
		String deadLetterSubject = deadLetters.toLowerCase() + "." + origin.stream() + ".durable";

		new PublishingDeadLetterRecoverer(connection.jetStream()).recover(new DeadLetter(original,
				DeadLetterReason.NON_RETRYABLE, new IllegalArgumentException("unknown customer"), "durable",
				deadLetterSubject, Instant.now()));

		MessageInfo deadLetter = management.getLastMessage(deadLetters, deadLetterSubject);
		assertThat(deadLetter.getData()).isEqualTo(original.getData());
		Headers headers = deadLetter.getHeaders();
		for (String name : headerCase.headers()) {
			assertThat(headers.get(DeadLetterHeaders.ORIGINAL_HEADER_PREFIX + name)).as(name)
				.isEqualTo(original.getHeaders().get(name));
		}
		assertThat(headers.get("Trace-Id")).containsExactly("t-1");
		assertThat(headers.keySet()).filteredOn((name) -> name.startsWith("Nats-")).containsExactly("Nats-Msg-Id");
		assertThat(headers.getFirst("Nats-Msg-Id"))
			.isEqualTo("dlq:" + original.metaData().getStream() + ":" + original.metaData().streamSequence());
	}

	@ParameterizedTest(name = "Nats-Rollup: {0}")
	@MethodSource("rollups")
	void rollupOfTheOriginalDoesNotPurgeADeadLetterStreamThatAllowsRollups(String rollup) throws Exception {
		JetStreamManagement management = connection.jetStreamManagement();
		Origin origin = new Origin(connection, "ROLL" + counter.incrementAndGet());
		management.addStream(StreamConfiguration.builder()
			.name(origin.stream())
			.subjects(origin.subject(">"))
			.allowRollup(true)
			.storageType(StorageType.Memory)
			.build());
		String deadLetters = "DLQ_" + origin.stream();
		String deadLetterSubject = deadLetters.toLowerCase() + "." + origin.stream() + ".durable";
		management.addStream(StreamConfiguration.builder()
			.name(deadLetters)
			.subjects(deadLetters.toLowerCase() + ".>")
			.allowRollup(true)
			.storageType(StorageType.Memory)
			.build());
		connection.jetStream().publish(deadLetterSubject, "earlier dead letter".getBytes(StandardCharsets.UTF_8));
		origin.publish(new Headers().put("Nats-Rollup", rollup));
		Message original = origin.awaitOriginal();

		new PublishingDeadLetterRecoverer(connection.jetStream()).recover(new DeadLetter(original,
				DeadLetterReason.MAX_DELIVER, null, "durable", deadLetterSubject, Instant.now()));

		assertThat(management.getStreamInfo(deadLetters).getStreamState().getMsgCount()).isEqualTo(2);
	}

	static Stream<String> rollups() {
		return Stream.of("sub", "all");
	}

	private static void assumeServerAtLeast(String version, String feature) {
		String actual = connection.getServerInfo().getVersion();
		assumeTrue(connection.getServerInfo().isSameOrNewerThanVersion(version),
				() -> feature + " needs nats-server " + version + " or later; this server is " + actual);
	}

	/**
	 * One JetStream header (or group of headers) an original can carry.
	 *
	 * @param name the case, for the report
	 * @param minimumVersion the first server version that stores the header
	 * @param headers the headers the stored original carries
	 * @param streams creates the original stream
	 * @param publisher stores the original
	 */
	record HeaderCase(String name, String minimumVersion, List<String> headers, OriginStreams streams,
			OriginalPublisher publisher) {

		static void publishBySchedule(Origin origin) throws Exception {
			origin.js()
				.publish(NatsMessage.builder()
					.subject(origin.subject("schedule"))
					.headers(new Headers().put("Nats-Schedule", "@at " + Instant.now())
						.put("Nats-Schedule-Target", origin.subject("msg"))
						.put("Trace-Id", "t-1"))
					.data("payload", StandardCharsets.UTF_8)
					.build());
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	@FunctionalInterface
	interface OriginStreams {

		void create(Origin origin) throws Exception;

	}

	@FunctionalInterface
	interface OriginalPublisher {

		void publish(Origin origin) throws Exception;

	}

	/**
	 * The original stream of a case: the original is the last message on
	 * {@code <stream>.msg} (lower case).
	 */
	record Origin(Connection connection, String stream) {

		void createStream() throws Exception {
			createStream((builder) -> {
			});
		}

		void createStream(Consumer<StreamConfiguration.Builder> customizer) throws Exception {
			StreamConfiguration.Builder builder = StreamConfiguration.builder()
				.name(this.stream)
				.subjects(subject(">"))
				.storageType(StorageType.Memory);
			customizer.accept(builder);
			this.connection.jetStreamManagement().addStream(builder.build());
		}

		/**
		 * Create a stream that captures the subjects and a stream that sources from it:
		 * the original is the sourced copy.
		 */
		void createSourcedStream() throws Exception {
			JetStreamManagement management = this.connection.jetStreamManagement();
			management.addStream(StreamConfiguration.builder()
				.name(this.stream + "_SRC")
				.subjects(subject(">"))
				.storageType(StorageType.Memory)
				.build());
			management.addStream(StreamConfiguration.builder()
				.name(this.stream)
				.sources(Source.builder().name(this.stream + "_SRC").build())
				.storageType(StorageType.Memory)
				.build());
		}

		JetStream js() throws Exception {
			return this.connection.jetStream();
		}

		String subject(String last) {
			return this.stream.toLowerCase() + "." + last;
		}

		void filler(String last) throws Exception {
			js().publish(subject(last), "filler".getBytes(StandardCharsets.UTF_8));
		}

		void publish(PublishOptions options) throws Exception {
			publish(new Headers(), options);
		}

		void publish(Headers headers) throws Exception {
			publish(headers, null);
		}

		private void publish(Headers headers, @Nullable PublishOptions options) throws Exception {
			NatsMessage message = NatsMessage.builder()
				.subject(subject("msg"))
				.headers(headers.put("Trace-Id", "t-1"))
				.data("payload", StandardCharsets.UTF_8)
				.build();
			js().publish(message, options);
		}

		Message awaitOriginal() {
			return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
				var consumer = this.connection.jetStream()
					.getStreamContext(this.stream)
					.createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(subject("msg"))
						.deliverPolicy(DeliverPolicy.LastPerSubject));
				return consumer.next(Duration.ofSeconds(1));
			}, (message) -> message != null);
		}

	}

}

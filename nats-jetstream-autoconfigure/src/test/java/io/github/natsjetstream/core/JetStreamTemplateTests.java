package io.github.natsjetstream.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Publishing with the {@link JetStreamTemplate}: payload conversion, headers,
 * deduplication and per-message TTL, against a real server.
 */
class JetStreamTemplateTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	private final ApplicationContextRunner runner = PublishingContexts.runner(nats.server());

	@Test
	void publishStoresRecordAsJsonWithContentType() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("RECORDS").subjects("records.>"));
			PublishAck ack = context.getBean(JetStreamTemplate.class).publish("records.1", new Order("o-1", 3));
			assertThat(ack.getStream()).isEqualTo("RECORDS");
			assertThat(ack.getSeqno()).isEqualTo(1);
			MessageInfo stored = management.getMessage("RECORDS", ack.getSeqno());
			assertThat(text(stored)).isEqualTo("{\"id\":\"o-1\",\"quantity\":3}");
			assertThat(stored.getHeaders().getFirst("Content-Type")).isEqualTo("application/json");
		});
	}

	@Test
	void publishStoresBytesAndStringsAsTheyAre() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("RAW").subjects("raw.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			byte[] bytes = { 0, 1, 2, (byte) 0xff };
			MessageInfo storedBytes = management.getMessage("RAW", template.publish("raw.bytes", bytes).getSeqno());
			assertThat(storedBytes.getData()).isEqualTo(bytes);
			assertThat(storedBytes.getHeaders().getFirst("Content-Type")).isEqualTo("application/octet-stream");
			MessageInfo storedString = management.getMessage("RAW",
					template.publish("raw.string", "caf\u00e9 {not json}").getSeqno());
			assertThat(text(storedString)).isEqualTo("caf\u00e9 {not json}");
			assertThat(storedString.getHeaders().getFirst("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
		});
	}

	@Test
	void publishAsyncStoresRecordsBytesAndStrings() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("ASYNC").subjects("async.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			PublishAck record = template.publishAsync("async.record", new Order("o-2", 4)).get(30, TimeUnit.SECONDS);
			PublishAck bytes = template.publishAsync("async.bytes", new byte[] { 7, 8 }).get(30, TimeUnit.SECONDS);
			PublishAck string = template.publishAsync("async.string", "hello").get(30, TimeUnit.SECONDS);
			assertThat(List.of(record.getSeqno(), bytes.getSeqno(), string.getSeqno())).containsExactly(1L, 2L, 3L);
			assertThat(text(management.getMessage("ASYNC", 1))).isEqualTo("{\"id\":\"o-2\",\"quantity\":4}");
			assertThat(management.getMessage("ASYNC", 2).getData()).isEqualTo(new byte[] { 7, 8 });
			assertThat(text(management.getMessage("ASYNC", 3))).isEqualTo("hello");
			assertThat(management.getMessage("ASYNC", 3).getHeaders().getFirst("Content-Type"))
				.isEqualTo("text/plain;charset=UTF-8");
			assertThat(template.getInFlight()).isZero();
		});
	}

	@Test
	void publishStoresHeadersOfTheOptionsAndKeepsTheirContentType() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("HEADERS").subjects("headers.>"));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			NatsPublishOptions options = NatsPublishOptions.builder()
				.header("Tenant", "acme")
				.header("Tags", "a", "b")
				.headers(new Headers().put("Content-Type", "application/vnd.acme+json"))
				.build();
			PublishAck ack = template.publish("headers.1", new Order("o-3", 1), options);
			Headers stored = management.getMessage("HEADERS", ack.getSeqno()).getHeaders();
			assertThat(stored.getFirst("Tenant")).isEqualTo("acme");
			assertThat(stored.get("Tags")).containsExactly("a", "b");
			assertThat(stored.getFirst("Content-Type")).isEqualTo("application/vnd.acme+json");
			assertThat(options.getHeaders().containsKey("Nats-Msg-Id")).isFalse();
		});
	}

	@Test
	void messageIdDeduplicatesWithinTheStreamsWindow() {
		this.runner.run((context) -> {
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management,
					StreamConfiguration.builder().name("DEDUP").subjects("dedup.>").duplicateWindow(Duration.ofMinutes(2)));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			NatsPublishOptions options = NatsPublishOptions.builder().messageId("order-42").build();
			PublishAck first = template.publish("dedup.orders", new Order("order-42", 1), options);
			PublishAck again = template.publishAsync("dedup.orders", new Order("order-42", 1), options)
				.get(30, TimeUnit.SECONDS);
			assertThat(first.isDuplicate()).isFalse();
			assertThat(again.isDuplicate()).isTrue();
			assertThat(again.getSeqno()).isEqualTo(first.getSeqno());
			assertThat(management.getStreamInfo("DEDUP").getStreamState().getMsgCount()).isOne();
			assertThat(management.getMessage("DEDUP", first.getSeqno()).getHeaders().getFirst("Nats-Msg-Id"))
				.isEqualTo("order-42");
		});
	}

	@Test
	void messageTtlExpiresTheMessageOnServersThatAllowIt() {
		this.runner.run((context) -> {
			Connection connection = context.getBean(Connection.class);
			assumeTrue(connection.getServerInfo().isSameOrNewerThanVersion("2.11.0"),
					() -> "per-message TTL needs nats-server 2.11 or later, this one is "
							+ connection.getServerInfo().getVersion() + " (point NATS_SERVER_BINARY at a newer one)");
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management,
					StreamConfiguration.builder().name("TTL").subjects("ttl.>").allowMessageTtl(true));
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			PublishAck ack = template.publish("ttl.1", "short-lived",
					NatsPublishOptions.builder().messageTtl(Duration.ofSeconds(1)).build());
			assertThat(management.getMessage("TTL", ack.getSeqno()).getHeaders().getFirst("Nats-TTL")).isEqualTo("1s");
			await().atMost(PublishingContexts.patience())
				.until(() -> management.getStreamInfo("TTL").getStreamState().getMsgCount() == 0);
		});
	}

	@Test
	void messageTtlOnAStreamThatDoesNotAllowItFailsNamingTheStream() {
		this.runner.run((context) -> {
			Connection connection = context.getBean(Connection.class);
			assumeTrue(connection.getServerInfo().isSameOrNewerThanVersion("2.11.0"),
					() -> "per-message TTL needs nats-server 2.11 or later, this one is "
							+ connection.getServerInfo().getVersion() + " (point NATS_SERVER_BINARY at a newer one)");
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("NOTTL").subjects("nottl.>"));
			NatsPublishOptions options = NatsPublishOptions.builder().messageTtl(Duration.ofSeconds(5)).build();
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			assertThatExceptionOfType(NatsPublishException.class)
				.isThrownBy(() -> template.publish("nottl.1", "x", options))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(NatsPublishException.Reason.MESSAGE_TTL_NOT_ALLOWED))
				.withMessageContaining("Stream 'NOTTL' does not allow per-message TTLs")
				.withMessageContaining("allow-msg-ttl")
				.withMessageContaining("'nottl.1'");
			assertThat(management.getStreamInfo("NOTTL").getStreamState().getMsgCount()).isZero();
		});
	}

	@Test
	void messageTtlOnAServerOlderThan211FailsNamingTheVersionAndTheStream() {
		this.runner.run((context) -> {
			Connection connection = context.getBean(Connection.class);
			assumeTrue(connection.getServerInfo().isOlderThanVersion("2.11.0"),
					() -> "nats-server " + connection.getServerInfo().getVersion()
							+ " has per-message TTLs; the error for older servers is tested on 2.9");
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			PublishingContexts.stream(management, StreamConfiguration.builder().name("OLDTTL").subjects("oldttl.>"));
			NatsPublishOptions options = NatsPublishOptions.builder().messageTtl(Duration.ofSeconds(5)).build();
			JetStreamTemplate template = context.getBean(JetStreamTemplate.class);
			assertThatExceptionOfType(NatsPublishException.class)
				.isThrownBy(() -> template.publish("oldttl.1", "x", options))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(NatsPublishException.Reason.MESSAGE_TTL_NOT_ALLOWED))
				.withMessageContaining("nats-server 2.11 or later")
				.withMessageContaining("the server is " + connection.getServerInfo().getVersion())
				.withMessageContaining("stream is 'OLDTTL'")
				.withMessageContaining("allow-msg-ttl");
			assertThat(template.publishAsync("oldttl.1", "x", options)).failsWithin(PublishingContexts.patience())
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(NatsPublishException.class)
				.withMessageContaining("nats-server 2.11 or later");
			assertThat(management.getStreamInfo("OLDTTL").getStreamState().getMsgCount()).isZero();
		});
	}

	private static String text(MessageInfo message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}

	record Order(String id, int quantity) {
	}

}

package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.Map;

import io.github.natsjetstream.support.ServerFeature;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.Mirror;
import io.nats.client.api.Source;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class NatsKeyValueTests {

	// What nats-server 2.9 returns for a bucket created with history 5 and a TTL of 30s
	private static final String SERVER_CACHE = """
			{"name":"KV_cache","subjects":["$KV.cache.>"],"retention":"limits","max_msgs_per_subject":5,
			"max_age":30000000000,"storage":"file","num_replicas":1,"discard":"new","duplicate_window":30000000000,
			"allow_rollup_hdrs":true,"allow_direct":true,"deny_delete":true}""";

	@Test
	void declarationMatchingTheServerHasNoDifferences() {
		NatsKeyValue keyValue = NatsKeyValue.builder("cache")
			.history(5)
			.ttl(Duration.ofSeconds(30))
			.storage(StorageType.FILE)
			.replicas(1)
			.maxBytes(-1)
			.build();
		assertThat(keyValue.compare(server(SERVER_CACHE))).isEmpty();
	}

	@Test
	void fieldsThatAreNotDeclaredAreNotCompared() {
		assertThat(NatsKeyValue.builder("cache").build().compare(server(SERVER_CACHE))).isEmpty();
	}

	@Test
	void changedHistoryAndTtlAreUpdatable() {
		NatsKeyValue keyValue = NatsKeyValue.builder("cache").history(10).ttl(Duration.ofMinutes(5)).build();
		assertThat(keyValue.compare(server(SERVER_CACHE))).containsExactly(
				new ConfigurationDifference("history", "5", "10", true),
				new ConfigurationDifference("ttl", "30s", "5m", true));
	}

	@Test
	void changedStorageIsNotUpdatable() {
		NatsKeyValue keyValue = NatsKeyValue.builder("cache").storage(StorageType.MEMORY).build();
		assertThat(keyValue.compare(server(SERVER_CACHE)))
			.containsExactly(new ConfigurationDifference("storage", "file", "memory", false));
	}

	@Test
	void mergeKeepsTheTtlAndItsDuplicateWindowWhenOnlyHistoryChanges() {
		KeyValueConfiguration merged = NatsKeyValue.builder("cache").history(10).build().merge(server(SERVER_CACHE));
		StreamConfiguration stream = merged.getBackingConfig();
		assertThat(stream.getMaxMsgsPerSubject()).isEqualTo(10);
		assertThat(stream.getMaxAge()).isEqualTo(Duration.ofSeconds(30));
		assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(30));
		assertThat(stream.getSubjects()).containsExactly("$KV.cache.>");
		assertThat(stream.getDiscardPolicy()).isEqualTo(io.nats.client.api.DiscardPolicy.New);
	}

	@Test
	void configurationToCreateWithHasTheDeclaredValues() {
		NatsKeyValue keyValue = NatsKeyValue.builder("cache").history(3).description("Prices").build();
		assertThat(keyValue.getBucket()).isEqualTo("cache");
		assertThat(keyValue.getDeclaredFields()).containsExactly("history", "description");
		assertThat(keyValue.getConfiguration().getMaxHistoryPerKey()).isEqualTo(3);
		assertThat(keyValue.getConfiguration().getDescription()).isEqualTo("Prices");
	}

	@Test
	void historyAboveTheServerLimitIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsKeyValue.builder("cache").history(65))
			.withMessage("'history' must be between 1 and 64");
	}

	@Test
	void invalidBucketNameIsRejectedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> NatsKeyValue.builder("my cache"))
			.withMessageStartingWith("Invalid key-value bucket name 'my cache'");
	}

	// What nats-server 2.15 returns for a bucket that sources another, with a limit marker
	private static final String SERVER_COPY = """
			{"name":"KV_copy","retention":"limits","max_msgs_per_subject":1,"storage":"file","num_replicas":1,
			"discard":"new","duplicate_window":120000000000,"sources":[{"name":"KV_cache"}],"allow_rollup_hdrs":true,
			"allow_direct":true,"deny_delete":true,"compression":"s2","subject_delete_marker_ttl":5000000000,
			"allow_msg_ttl":true,"metadata":{"owner":"orders","_nats.req.level":"1","_nats.ver":"2.15.1",
			"io.github.natsjetstream.managed-by":"nats-jetstream-spring-boot-starter"}}""";

	@Test
	void newSettingsMatchWhatTheServerMadeOfThemIgnoringReservedMetadata() {
		NatsKeyValue keyValue = NatsKeyValue.builder("copy")
			.sources(Source.builder().sourceName("cache").build())
			.compression(true)
			.metadata(Map.of("owner", "orders"))
			.limitMarkerTtl(Duration.ofSeconds(5))
			.build();
		assertThat(keyValue.compare(server(SERVER_COPY))).isEmpty();
	}

	@Test
	void mergeReplacesTheSourcesAndAddsNoSubjects() {
		KeyValueConfiguration merged = NatsKeyValue.builder("copy")
			.sources(Source.builder().sourceName("prices").build())
			.build()
			.merge(server(SERVER_COPY));
		assertThat(merged.getSources()).extracting((source) -> source.getName()).containsExactly("KV_prices");
		assertThat(merged.getBackingConfig().getSubjects()).isEmpty();
		assertThat(merged.isCompressed()).isTrue();
		assertThat(merged.getLimitMarkerTtl()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void mergeKeepsTheSourcesAndTheMirrorWhenOthersChange() {
		assertThat(NatsKeyValue.builder("copy").history(2).build().merge(server(SERVER_COPY)).getSources())
			.extracting((source) -> source.getName())
			.containsExactly("KV_cache");
		KeyValueConfiguration mirror = server("""
				{"name":"KV_mirror","retention":"limits","max_msgs_per_subject":1,"storage":"file","num_replicas":1,
				"discard":"new","mirror":{"name":"KV_cache"},"allow_rollup_hdrs":true,"allow_direct":true,
				"mirror_direct":true,"deny_delete":true}""");
		KeyValueConfiguration merged = NatsKeyValue.builder("mirror").history(2).build().merge(mirror);
		assertThat(merged.getMirror().getName()).isEqualTo("KV_cache");
		assertThat(merged.getBackingConfig().getSubjects()).isEmpty();
	}

	@Test
	void zeroLimitMarkerTtlRemovesTheMarkers() {
		NatsKeyValue keyValue = NatsKeyValue.builder("copy").limitMarkerTtl(Duration.ZERO).build();
		assertThat(keyValue.compare(server(SERVER_COPY)))
			.containsExactly(new ConfigurationDifference("limit_marker_ttl", "5s", "none", true));
		assertThat(keyValue.merge(server(SERVER_COPY)).getLimitMarkerTtl()).isNull();
	}

	@Test
	void mirrorIsNotUpdatable() {
		NatsKeyValue keyValue = NatsKeyValue.builder("copy").mirror(Mirror.builder().sourceName("cache").build()).build();
		assertThat(keyValue.compare(server(SERVER_COPY)))
			.containsExactly(new ConfigurationDifference("mirror", "none", "'{\"name\":\"KV_cache\"}'", false));
	}

	@Test
	void requiredFeaturesAreNamedAsSettingsOfTheDeclaration() {
		assertThat(NatsKeyValue.builder("cache").compression(false).limitMarkerTtl(Duration.ofSeconds(1)).build()
			.getRequiredFeatures())
			.containsExactly(entry("'limit-marker-ttl' of NatsKeyValue 'cache'", ServerFeature.KEY_VALUE_LIMIT_MARKERS));
	}

	private static KeyValueConfiguration server(String json) {
		try {
			JsonValue info = JsonParser
				.parse("{\"config\":" + json + ",\"created\":\"2026-01-01T00:00:00Z\",\"state\":{}}");
			return new KeyValueStatus(new StreamInfo(info)).getConfiguration();
		}
		catch (JsonParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

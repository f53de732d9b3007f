package io.github.natsjetstream.listener;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ConsumerListPage} reads the wanted numbers from answers shaped as the server's,
 * skipping everything else whatever it holds.
 */
class ConsumerListPageTests {

	@Test
	void parseShouldReadTheNumbersAndSkipEverythingElse() {
		ConsumerListPage page = parse("""
				{ "type" : "io.nats.jetstream.api.v1.consumer_list_response", "total": 300, "offset" : 256,
				  "limit": 256, "consumers": [
				    { "stream_name": "S", "name": "a", "created": "2026-11-29T10:00:00.1Z",
				      "config": { "description": "q\\"uo}te]d, {x}", "backoff": [1000000000, 2e9],
				        "metadata": { "k": "v\\\\" }, "filter_subjects": [], "nested": [[{}], {"a": [null]}] },
				      "delivered": { "consumer_seq": 3, "stream_seq": 9 },
				      "num_ack_pending": 2, "num_redelivered": 1, "num_waiting": 0, "num_pending": 12,
				      "paused": false, "pause_remaining": 1.5e3, "ts": null },
				    {"name":"b\\u00e9","num_pending":1.0E1,"paused":true,"num_ack_pending":null}
				  ] }
				""");

		assertThat(page.total()).isEqualTo(300);
		assertThat(page.offset()).isEqualTo(256);
		assertThat(page.error()).isNull();
		assertThat(page.consumers()).containsExactly(new ConsumerListPage.Entry("a", 12, 2, 1, false),
				new ConsumerListPage.Entry("b\u00e9", 10, 0, 0, true));
	}

	@Test
	void parseShouldReadNoConsumersFromAnEmptyOrNullList() {
		assertThat(parse("{\"total\":0,\"offset\":0,\"consumers\":[]}").consumers()).isEmpty();
		assertThat(parse("{\"total\":0,\"offset\":0,\"consumers\":null}").consumers()).isEmpty();
		assertThat(parse("{}").consumers()).isEmpty();
	}

	@Test
	void parseShouldReadTheError() {
		ConsumerListPage page = parse("""
				{"type":"io.nats.jetstream.api.v1.consumer_list_response",
				 "error":{"code":404,"err_code":10059,"description":"stream not found"},"total":0}""");

		assertThat(page.error()).isEqualTo("stream not found [404/10059]");
	}

	@Test
	void parseShouldRefuseWhatIsNotAnObject() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("[]"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"consumers\":[{\"name\":\"a\""));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"total\":x}"));
	}

	private static ConsumerListPage parse(String json) {
		return ConsumerListPage.parse(json.getBytes(StandardCharsets.UTF_8));
	}

}

package io.github.natsjetstream.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NatsHandlerContext}'s low-cardinality key values, which it keeps as a
 * whole between changes.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class NatsHandlerContextTests {

	private static final KeyValue HANDLER = KeyValue.of("handler", "orders");

	private static final KeyValue STREAM = KeyValue.of("stream", "ORDERS");

	private static final KeyValue OUTCOME = KeyValue.of("outcome", "ack");

	private final NatsHandlerContext context = new NatsHandlerContext(
			NatsMessage.builder().subject("orders.created").data(new byte[0]).build(), "orders", "ORDERS");

	@Test
	void withoutKeyValuesTheyAreEmpty() {
		assertThat(this.context.getLowCardinalityKeyValues()).isEmpty();
	}

	@Test
	void keyValuesAddedAsAWholeAreKeptAsTheyAre() {
		KeyValues handling = KeyValues.of(HANDLER, STREAM);
		this.context.addLowCardinalityKeyValues(handling);
		assertThat(this.context.getLowCardinalityKeyValues()).isSameAs(handling);
		KeyValues outcome = handling.and(OUTCOME);
		this.context.addLowCardinalityKeyValues(outcome);
		assertThat(this.context.getLowCardinalityKeyValues()).isSameAs(outcome);
	}

	@Test
	void keyValuesThatDoNotCoverEveryKeyAreMerged() {
		this.context.addLowCardinalityKeyValues(KeyValues.of(HANDLER, STREAM));
		this.context.addLowCardinalityKeyValues(KeyValues.of(OUTCOME));
		assertThat(this.context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(HANDLER, STREAM, OUTCOME);
	}

	@Test
	void aKeyValueAddedAloneIsSeen() {
		this.context.addLowCardinalityKeyValues(KeyValues.of(HANDLER, STREAM));
		this.context.getLowCardinalityKeyValues();
		this.context.addLowCardinalityKeyValue(KeyValue.of("region", "eu"));
		assertThat(this.context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(HANDLER, STREAM,
				KeyValue.of("region", "eu"));
	}

	@Test
	void aKeyValueReplacedAloneIsSeen() {
		this.context.addLowCardinalityKeyValues(KeyValues.of(HANDLER, STREAM));
		this.context.addLowCardinalityKeyValue(KeyValue.of("stream", "OTHER"));
		assertThat(this.context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(HANDLER,
				KeyValue.of("stream", "OTHER"));
	}

	@Test
	void aRemovedKeyValueIsGone() {
		this.context.addLowCardinalityKeyValues(KeyValues.of(HANDLER, STREAM));
		this.context.getLowCardinalityKeyValues();
		this.context.removeLowCardinalityKeyValue("stream");
		assertThat(this.context.getLowCardinalityKeyValues()).containsExactly(HANDLER);
	}

	@Test
	void keyValuesAddedAfterAnUnknownChangeAreMerged() {
		this.context.addLowCardinalityKeyValue(KeyValue.of("region", "eu"));
		this.context.addLowCardinalityKeyValues(KeyValues.of(HANDLER, STREAM));
		assertThat(this.context.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(HANDLER, STREAM,
				KeyValue.of("region", "eu"));
	}

}

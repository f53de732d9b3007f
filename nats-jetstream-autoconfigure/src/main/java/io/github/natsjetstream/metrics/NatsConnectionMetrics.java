package io.github.natsjetstream.metrics;

import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;
import io.nats.client.Statistics;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Meters of a NATS connection, read from jnats' {@link Statistics} when the registry
 * publishes them; nothing is counted on the way of a message:
 * <ul>
 * <li>{@code nats.connection.reconnects}: reconnects since the connection was made;</li>
 * <li>{@code nats.connection.messages.received}, {@code nats.connection.messages.sent}:
 * messages received and sent, JetStream API requests and acknowledgements included;</li>
 * <li>{@code nats.connection.received}, {@code nats.connection.sent}: bytes received and
 * sent;</li>
 * <li>{@code nats.connection.messages.dropped}: messages the client dropped because a
 * subscription's pending limits were reached (a slow consumer);</li>
 * <li>{@code nats.connection.pending.outgoing}: bytes waiting to be written to the
 * server.</li>
 * </ul>
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsConnectionMetrics implements MeterBinder {

	private final Connection connection;

	private final Iterable<Tag> tags;

	/**
	 * Create an instance without tags.
	 * @param connection the connection
	 */
	public NatsConnectionMetrics(Connection connection) {
		this(connection, Tags.empty());
	}

	/**
	 * Create an instance.
	 * @param connection the connection
	 * @param tags the tags of every meter
	 */
	public NatsConnectionMetrics(Connection connection, Iterable<Tag> tags) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(tags, "'tags' must not be null");
		this.connection = connection;
		this.tags = tags;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter(registry, "nats.connection.reconnects", "Reconnects of the connection to NATS", null,
				Statistics::getReconnects);
		counter(registry, "nats.connection.messages.received", "Messages received from NATS", null,
				Statistics::getInMsgs);
		counter(registry, "nats.connection.messages.sent", "Messages sent to NATS", null, Statistics::getOutMsgs);
		counter(registry, "nats.connection.received", "Bytes received from NATS", BaseUnits.BYTES,
				Statistics::getInBytes);
		counter(registry, "nats.connection.sent", "Bytes sent to NATS", BaseUnits.BYTES, Statistics::getOutBytes);
		counter(registry, "nats.connection.messages.dropped",
				"Messages dropped by the client because a subscription's pending limits were reached", null,
				Statistics::getDroppedCount);
		Gauge.builder("nats.connection.pending.outgoing", this.connection, Connection::outgoingPendingBytes)
			.description("Bytes waiting to be written to NATS")
			.baseUnit(BaseUnits.BYTES)
			.tags(this.tags)
			.strongReference(true)
			.register(registry);
	}

	private void counter(MeterRegistry registry, String name, String description, @Nullable String baseUnit,
			ToLongFunction<Statistics> statistic) {
		FunctionCounter.builder(name, this.connection, (connection) -> statistic.applyAsLong(connection.getStatistics()))
			.description(description)
			.baseUnit(baseUnit)
			.tags(this.tags)
			.register(registry);
	}

}

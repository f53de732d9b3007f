package io.github.natsjetstream.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.github.natsjetstream.listener.ConsumerSnapshot;
import io.github.natsjetstream.listener.ConsumerStatistics;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.retry.DeadLetterReason;
import io.github.natsjetstream.retry.DeadLetterTally;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Meters of every handler:
 * <ul>
 * <li>{@code nats.dead.letters} (tags {@code handler}, {@code reason}): messages the
 * handler dead-lettered, by {@link DeadLetterReason reason}, read from its
 * {@link DeadLetterTally};</li>
 * <li>{@code nats.consumer.pending}, {@code nats.consumer.ack.pending},
 * {@code nats.consumer.redelivered} (tags {@code handler}, {@code stream}): the numbers
 * of the handler's durable consumer, read from the latest background refresh of
 * {@link ConsumerStatistics}: never a request to the server per message or per scrape.
 * They appear with the first refresh after the handler started, when its stream is
 * known.</li>
 * </ul>
 * Handlers registered after binding are picked up at the next refresh. What the meters of
 * every handler have in common (the {@code reason} tags, the functions that read a
 * tally or a consumer's numbers) exists once, and the meters of one handler share its
 * {@code handler} tag: an application may have a thousand handlers.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsHandlerMetrics implements MeterBinder {

	private static final List<Tag> REASON_TAGS = Arrays.stream(DeadLetterReason.values())
		.map((reason) -> Tag.of("reason", reason.getValue()))
		.toList();

	private static final List<ToDoubleFunction<DeadLetterTally>> REASON_COUNTS = Arrays
		.stream(DeadLetterReason.values())
		.<ToDoubleFunction<DeadLetterTally>>map((reason) -> (tally) -> tally.count(reason))
		.toList();

	private static final ToDoubleFunction<HandlerNumbers> PENDING = (numbers) -> numbers.read(ConsumerSnapshot::pending);

	private static final ToDoubleFunction<HandlerNumbers> ACK_PENDING = (numbers) -> numbers
		.read(ConsumerSnapshot::ackPending);

	private static final ToDoubleFunction<HandlerNumbers> REDELIVERED = (numbers) -> numbers
		.read(ConsumerSnapshot::redelivered);

	private final NatsHandlerContainerRegistry containers;

	private final ConsumerStatistics statistics;

	private final Map<MeterRegistry, Map<String, HandlerMeters>> bound = new HashMap<>();

	/**
	 * Create a new instance.
	 * @param containers the handlers
	 * @param statistics the numbers of their consumers
	 */
	public NatsHandlerMetrics(NatsHandlerContainerRegistry containers, ConsumerStatistics statistics) {
		Assert.notNull(containers, "'containers' must not be null");
		Assert.notNull(statistics, "'statistics' must not be null");
		this.containers = containers;
		this.statistics = statistics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		boolean first;
		synchronized (this.bound) {
			first = this.bound.isEmpty();
			this.bound.computeIfAbsent(registry, (key) -> new HashMap<>());
		}
		if (first) {
			this.statistics.onRefresh(this::registerNewMeters);
		}
		registerNewMeters();
	}

	/**
	 * Register the meters of handlers that have none yet, and the consumer gauges of
	 * handlers whose stream became known or changed.
	 */
	void registerNewMeters() {
		synchronized (this.bound) {
			for (Map.Entry<MeterRegistry, Map<String, HandlerMeters>> entry : this.bound.entrySet()) {
				for (NatsHandlerContainer container : this.containers.getContainers()) {
					entry.getValue()
						.computeIfAbsent(container.getEndpoint().id(),
								(id) -> new HandlerMeters(entry.getKey(), container))
						.registerConsumerGauges();
				}
			}
		}
	}

	/**
	 * The meters of one handler in one registry.
	 */
	private final class HandlerMeters {

		private final MeterRegistry registry;

		private final NatsHandlerContainer container;

		private final String handlerId;

		private final Tag handlerTag;

		private final HandlerNumbers numbers;

		private final List<Meter> consumerGauges = new ArrayList<>(3);

		private @Nullable String gaugedStream;

		HandlerMeters(MeterRegistry registry, NatsHandlerContainer container) {
			this.registry = registry;
			this.container = container;
			this.handlerId = container.getEndpoint().id();
			this.handlerTag = Tag.of("handler", this.handlerId);
			this.numbers = new HandlerNumbers(NatsHandlerMetrics.this.statistics, this.handlerId);
			DeadLetterTally tally = container.getDeadLetterTally();
			for (DeadLetterReason reason : DeadLetterReason.values()) {
				FunctionCounter.builder("nats.dead.letters", tally, REASON_COUNTS.get(reason.ordinal()))
					.description("Messages the handler dead-lettered")
					.tags(Tags.of(this.handlerTag, REASON_TAGS.get(reason.ordinal())))
					.register(registry);
			}
		}

		void registerConsumerGauges() {
			String stream = this.container.getStream();
			if (stream == null || stream.equals(this.gaugedStream)) {
				return;
			}
			this.consumerGauges.forEach(this.registry::remove);
			this.consumerGauges.clear();
			Tags tags = Tags.of(this.handlerTag, Tag.of("stream", stream));
			this.consumerGauges.add(gauge("nats.consumer.pending",
					"Messages of the stream not yet delivered to the handler's consumer", tags, PENDING));
			this.consumerGauges.add(gauge("nats.consumer.ack.pending",
					"Messages delivered to the handler's consumer and not yet acknowledged", tags, ACK_PENDING));
			this.consumerGauges.add(gauge("nats.consumer.redelivered",
					"Messages delivered to the handler's consumer more than once and not yet acknowledged", tags,
					REDELIVERED));
			this.gaugedStream = stream;
		}

		private Gauge gauge(String name, String description, Tags tags, ToDoubleFunction<HandlerNumbers> value) {
			return Gauge.builder(name, this.numbers, value)
				.description(description)
				.baseUnit("messages")
				.tags(tags)
				.strongReference(true)
				.register(this.registry);
		}

	}

	/**
	 * The consumer numbers of one handler, which its three gauges read.
	 */
	private record HandlerNumbers(ConsumerStatistics statistics, String handlerId) {

		double read(ToLongFunction<ConsumerSnapshot> value) {
			ConsumerSnapshot snapshot = this.statistics.latest(this.handlerId);
			return (snapshot != null) ? value.applyAsLong(snapshot) : Double.NaN;
		}

	}

}

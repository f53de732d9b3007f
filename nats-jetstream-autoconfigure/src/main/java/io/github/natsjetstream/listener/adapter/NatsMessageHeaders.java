package io.github.natsjetstream.listener.adapter;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.natsjetstream.support.NatsHeaders;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.MessageHeaders;

/**
 * {@link MessageHeaders} read from a JetStream message on demand: the NATS headers under
 * their own names and the JetStream metadata under the names of {@link NatsHeaders}.
 * Nothing is copied or parsed until a handler asks for it, and no id or timestamp is
 * generated; the full map is built only for {@code @Headers} parameters and the like.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class NatsMessageHeaders extends MessageHeaders {

	private static final String NATS_CONTENT_TYPE = "Content-Type";

	private final transient Message message;

	private transient @Nullable Map<String, Object> all;

	NatsMessageHeaders(Message message) {
		super(null, ID_VALUE_NONE, -1L);
		this.message = message;
	}

	@Override
	public @Nullable Object get(Object key) {
		if (!(key instanceof String name)) {
			return null;
		}
		return switch (name) {
			case NatsHeaders.SUBJECT -> this.message.getSubject();
			case NatsHeaders.RAW_MESSAGE -> this.message;
			case NatsHeaders.STREAM -> metaData(MetaDataField.STREAM);
			case NatsHeaders.CONSUMER -> metaData(MetaDataField.CONSUMER);
			case NatsHeaders.STREAM_SEQUENCE -> metaData(MetaDataField.STREAM_SEQUENCE);
			case NatsHeaders.CONSUMER_SEQUENCE -> metaData(MetaDataField.CONSUMER_SEQUENCE);
			case NatsHeaders.DELIVERY_COUNT -> metaData(MetaDataField.DELIVERY_COUNT);
			case NatsHeaders.PENDING -> metaData(MetaDataField.PENDING);
			case NatsHeaders.TIMESTAMP -> metaData(MetaDataField.TIMESTAMP);
			case CONTENT_TYPE -> natsHeader(NATS_CONTENT_TYPE);
			case ID, TIMESTAMP -> null;
			default -> natsHeader(name);
		};
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, Class<T> type) {
		Object value = get(key);
		if (value == null) {
			return null;
		}
		if (!type.isInstance(value)) {
			throw new IllegalArgumentException("Incorrect type specified for header '" + key + "'. Expected [" + type
					+ "] but actual type is [" + value.getClass() + "]");
		}
		return (T) value;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	@Override
	public Set<String> keySet() {
		return all().keySet();
	}

	@Override
	public Set<Map.Entry<String, Object>> entrySet() {
		return all().entrySet();
	}

	@Override
	public Collection<Object> values() {
		return all().values();
	}

	@Override
	public int size() {
		return all().size();
	}

	@Override
	public boolean isEmpty() {
		return false;
	}

	@Override
	public boolean containsValue(Object value) {
		return all().containsValue(value);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof MessageHeaders headers && all().equals(Map.copyOf(headers)));
	}

	@Override
	public int hashCode() {
		return all().hashCode();
	}

	@Override
	public String toString() {
		return all().toString();
	}

	private @Nullable Object natsHeader(String name) {
		Headers headers = this.message.getHeaders();
		if (headers == null) {
			return null;
		}
		List<String> values = headers.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		return (values.size() == 1) ? values.get(0) : List.copyOf(values);
	}

	private @Nullable Object metaData(MetaDataField field) {
		if (!this.message.isJetStream()) {
			return null;
		}
		NatsJetStreamMetaData metaData = this.message.metaData();
		return switch (field) {
			case STREAM -> metaData.getStream();
			case CONSUMER -> metaData.getConsumer();
			case STREAM_SEQUENCE -> metaData.streamSequence();
			case CONSUMER_SEQUENCE -> metaData.consumerSequence();
			case DELIVERY_COUNT -> metaData.deliveredCount();
			case PENDING -> metaData.pendingCount();
			case TIMESTAMP -> metaData.timestamp();
		};
	}

	private Map<String, Object> all() {
		Map<String, Object> existing = this.all;
		if (existing != null) {
			return existing;
		}
		Map<String, Object> all = new HashMap<>();
		for (String name : List.of(NatsHeaders.SUBJECT, NatsHeaders.RAW_MESSAGE, NatsHeaders.STREAM,
				NatsHeaders.CONSUMER, NatsHeaders.STREAM_SEQUENCE, NatsHeaders.CONSUMER_SEQUENCE,
				NatsHeaders.DELIVERY_COUNT, NatsHeaders.PENDING, NatsHeaders.TIMESTAMP, CONTENT_TYPE)) {
			putIfPresent(all, name);
		}
		Headers headers = this.message.getHeaders();
		if (headers != null) {
			for (String name : headers.keySet()) {
				putIfPresent(all, name);
			}
		}
		this.all = all;
		return all;
	}

	private void putIfPresent(Map<String, Object> map, String name) {
		Object value = get(name);
		if (value != null) {
			map.put(name, value);
		}
	}

	private enum MetaDataField {

		STREAM, CONSUMER, STREAM_SEQUENCE, CONSUMER_SEQUENCE, DELIVERY_COUNT, PENDING, TIMESTAMP

	}

}

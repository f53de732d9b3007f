package io.github.natsjetstream.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The status of every order, in the key-value bucket {@code order-status} that
 * {@code application.yml} declares. Several handlers change the status of one order at
 * the same time (the payment handler and the event routes, on several instances), so a
 * change is a compare-and-set on the key's revision, repeated when another write came
 * first.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
public class OrderStatusStore {

	/** JetStream's error code for a write whose expected revision is no longer the last. */
	private static final int WRONG_LAST_SEQUENCE = 10071;

	private static final int MAX_ATTEMPTS = 20;

	private final KeyValue bucket;

	private final JsonMapper jsonMapper;

	OrderStatusStore(@Qualifier("order-status") KeyValue bucket, JsonMapper jsonMapper) {
		this.bucket = bucket;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the status of an order.
	 * @param id the order id
	 * @return the status, or empty when no handler has seen the order yet
	 * @throws IOException when the bucket cannot be read
	 */
	public Optional<OrderStatus> find(String id) throws IOException {
		try {
			KeyValueEntry entry = this.bucket.get(id);
			return Optional.ofNullable(entry).map(KeyValueEntry::getValue).map(this::read);
		}
		catch (JetStreamApiException ex) {
			throw new IOException("Could not read the status of order " + id + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Change the status of an order.
	 * @param id the order id
	 * @param change what to change, given the current status (or
	 * {@link OrderStatus#unknown(String)})
	 * @return the status written
	 * @throws IOException when the bucket cannot be written
	 */
	public OrderStatus update(String id, UnaryOperator<OrderStatus> change) throws IOException {
		for (int attempt = 1;; attempt++) {
			try {
				KeyValueEntry entry = this.bucket.get(id);
				OrderStatus current = (entry != null && entry.getValue() != null) ? read(entry.getValue())
						: OrderStatus.unknown(id);
				OrderStatus next = change.apply(current);
				byte[] value = this.jsonMapper.writeValueAsBytes(next);
				if (entry == null || entry.getValue() == null) {
					this.bucket.create(id, value);
				}
				else if (next != current) {
					this.bucket.update(id, value, entry.getRevision());
				}
				return next;
			}
			catch (JetStreamApiException ex) {
				if (ex.getApiErrorCode() != WRONG_LAST_SEQUENCE || attempt == MAX_ATTEMPTS) {
					throw new IOException("Could not write the status of order " + id + ": " + ex.getMessage(), ex);
				}
				// another handler wrote first: read again and apply the change to its value
			}
		}
	}

	/**
	 * Watch the status of some orders: the listener gets the current status of each, then
	 * every change, on a thread of the NATS connection. One watch per key, since a watch of
	 * several keys needs nats-server 2.10.
	 * @param ids the order ids
	 * @param listener what to do with each status
	 * @return the watch, to close when done
	 * @throws IOException when the watch cannot be started
	 */
	public AutoCloseable watch(List<String> ids, Consumer<OrderStatus> listener) throws IOException {
		KeyValueWatcher watcher = new KeyValueWatcher() {

			@Override
			public void watch(KeyValueEntry entry) {
				if (entry.getValue() != null) {
					listener.accept(read(entry.getValue()));
				}
			}

			@Override
			public void endOfData() {
			}

		};
		List<AutoCloseable> watches = new ArrayList<>();
		AutoCloseable all = () -> {
			for (AutoCloseable watch : watches) {
				watch.close();
			}
		};
		try {
			for (String id : ids) {
				watches.add(this.bucket.watch(id, watcher));
			}
			return all;
		}
		catch (JetStreamApiException | IOException | InterruptedException | RuntimeException ex) {
			closeQuietly(all);
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IOException("Could not watch the status of orders " + ids + ": " + ex.getMessage(), ex);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already failing: the first exception is the one to report
		}
	}

	private OrderStatus read(byte[] value) {
		return this.jsonMapper.readValue(value, OrderStatus.class);
	}

}

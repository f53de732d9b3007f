package io.github.natsjetstream.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.natsjetstream.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.NUID;
import io.nats.client.Nats;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;
import io.nats.client.support.JsonValueUtils;

/**
 * Observes the JetStream API from the server's side: a separate plain connection
 * subscribed to {@code $JS.API.>} sees every API request of the account (they are
 * ordinary messages), and the monitoring endpoint {@code /jsz} counts every request the
 * server handled. Neither can be faked by the library's own counting.
 */
public final class JetStreamApiRecorder implements AutoCloseable {

	private final NatsServer server;

	private final Connection connection;

	private final List<String> subjects = new CopyOnWriteArrayList<>();

	private final String marker = "recorder." + NUID.nextGlobal();

	private final Semaphore markers = new Semaphore(0);

	private final long apiTotalAtStart;

	public JetStreamApiRecorder(NatsServer server) throws IOException, InterruptedException, TimeoutException {
		this.server = server;
		this.connection = Nats.connect(server.url());
		Dispatcher dispatcher = this.connection.createDispatcher((message) -> {
			if (message.getSubject().equals(this.marker)) {
				this.markers.release();
			}
			else {
				this.subjects.add(message.getSubject());
			}
		});
		dispatcher.subscribe("$JS.API.>");
		dispatcher.subscribe(this.marker);
		this.connection.flush(Duration.ofSeconds(5));
		this.apiTotalAtStart = apiTotal();
	}

	/**
	 * Return the API request subjects seen so far, after a round trip to the server so
	 * that every request it routed before now has been received.
	 */
	public List<String> requests() throws TimeoutException, InterruptedException {
		this.connection.flush(Duration.ofSeconds(5));
		// The dispatcher hands messages over in order: once the marker has been handled,
		// so has every request the server routed before it.
		this.connection.publish(this.marker, new byte[0]);
		if (!this.markers.tryAcquire(5, TimeUnit.SECONDS)) {
			throw new TimeoutException("The recorder did not see its own marker");
		}
		return List.copyOf(this.subjects);
	}

	/**
	 * Return the requests that create, update, delete or purge a stream.
	 */
	List<String> writes() throws TimeoutException, InterruptedException {
		return requests().stream()
			.filter((subject) -> subject.startsWith("$JS.API.STREAM.CREATE.")
					|| subject.startsWith("$JS.API.STREAM.UPDATE.") || subject.startsWith("$JS.API.STREAM.DELETE.")
					|| subject.startsWith("$JS.API.STREAM.PURGE."))
			.toList();
	}

	/**
	 * Return the requests that create, update or delete a durable consumer. The
	 * consumers a server makes itself for mirrors and sources are not counted.
	 */
	List<String> consumerWrites() throws TimeoutException, InterruptedException {
		return requests().stream()
			.filter((subject) -> subject.startsWith("$JS.API.CONSUMER.CREATE.")
					|| subject.startsWith("$JS.API.CONSUMER.DURABLE.CREATE.")
					|| subject.startsWith("$JS.API.CONSUMER.DELETE."))
			.filter((subject) -> subject.split("\\.").length > 5 && !subject.contains(".JS_"))
			.toList();
	}

	/**
	 * Return how many JetStream API requests the server handled since this recorder
	 * started, by its own count ({@code /jsz} {@code api.total}).
	 */
	long apiRequestsHandled() {
		return apiTotal() - this.apiTotalAtStart;
	}

	private long apiTotal() {
		try {
			JsonValue jsz = JsonParser.parse(this.server.monitoring("/jsz"));
			return JsonValueUtils.readLong(jsz.map.get("api"), "total", 0);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Unable to read /jsz", ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.connection.close();
	}

}

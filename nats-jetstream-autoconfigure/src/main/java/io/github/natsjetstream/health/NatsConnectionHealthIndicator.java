package io.github.natsjetstream.health;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.natsjetstream.connection.ServerUrls;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AccountStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for the NATS connection: {@link Status#UP UP} when connected
 * and JetStream answers an account-info request, {@link Status#DOWN DOWN} otherwise,
 * reconnecting included (the application cannot use JetStream meanwhile). The answer is
 * reused for a time, so that probes do not each make a request; it is asked again at
 * once after a reconnect. The details name the state and the server, never credentials.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class NatsConnectionHealthIndicator implements HealthIndicator {

	private final Connection connection;

	private final JetStreamManagement management;

	private final Duration timeToLive;

	private final Clock clock;

	private final Object checkMonitor = new Object();

	private volatile @Nullable JetStreamCheck lastCheck;

	/**
	 * Create a new instance.
	 * @param connection the connection
	 * @param management the management context to ask for the account information,
	 * with the request timeout that bounds the check
	 * @param timeToLive how long an answer of JetStream is reused
	 * @param clock the clock
	 */
	public NatsConnectionHealthIndicator(Connection connection, JetStreamManagement management, Duration timeToLive,
			Clock clock) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(management, "'management' must not be null");
		Assert.notNull(timeToLive, "'timeToLive' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.connection = connection;
		this.management = management;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Connection.Status state = this.connection.getStatus();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", state.name());
		details.put("server", server());
		if (state != Connection.Status.CONNECTED) {
			return Health.down().withDetails(details).build();
		}
		details.put("version", this.connection.getServerInfo().getVersion());
		JetStreamCheck check = checkJetStream();
		details.put("checkedAt", check.at().toString());
		if (check.error() != null) {
			details.put("error", check.error());
			return Health.down().withDetails(details).build();
		}
		details.put("streams", check.streams());
		details.put("consumers", check.consumers());
		return Health.up().withDetails(details).build();
	}

	private String server() {
		String connectedUrl = this.connection.getConnectedUrl();
		if (connectedUrl != null) {
			return ServerUrls.redact(connectedUrl);
		}
		return String.join(",", ServerUrls
			.redact(this.connection.getOptions().getServers().stream().map(Object::toString).toList()));
	}

	private JetStreamCheck checkJetStream() {
		long reconnects = this.connection.getStatistics().getReconnects();
		JetStreamCheck check = this.lastCheck;
		if (check != null && check.isValid(this.clock.instant(), this.timeToLive, reconnects)) {
			return check;
		}
		synchronized (this.checkMonitor) {
			check = this.lastCheck;
			if (check != null && check.isValid(this.clock.instant(), this.timeToLive, reconnects)) {
				return check;
			}
			check = askJetStream(reconnects);
			this.lastCheck = check;
			return check;
		}
	}

	private JetStreamCheck askJetStream(long reconnects) {
		try {
			AccountStatistics account = this.management.getAccountStatistics();
			return new JetStreamCheck(this.clock.instant(), reconnects, account.getStreams(), account.getConsumers(),
					null);
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			String error = ex.getClass().getName() + ": " + ex.getMessage();
			return new JetStreamCheck(this.clock.instant(), reconnects, 0, 0, ServerUrls.redactText(error));
		}
	}

	/**
	 * An answer of JetStream, or its failure.
	 */
	private record JetStreamCheck(Instant at, long reconnects, long streams, long consumers,
			@Nullable String error) {

		boolean isValid(Instant now, Duration timeToLive, long currentReconnects) {
			return this.reconnects == currentReconnects && now.isBefore(this.at.plus(timeToLive));
		}

	}

}

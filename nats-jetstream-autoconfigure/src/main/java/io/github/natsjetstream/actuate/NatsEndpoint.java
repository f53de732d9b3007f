package io.github.natsjetstream.actuate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.natsjetstream.config.DeliverPolicySetting;
import io.github.natsjetstream.config.HandlerSettings;
import io.github.natsjetstream.config.NatsHandlerEndpoint;
import io.github.natsjetstream.connection.ServerUrls;
import io.github.natsjetstream.listener.ConsumerSnapshot;
import io.github.natsjetstream.listener.HandlerState;
import io.github.natsjetstream.listener.HandlerStatus;
import io.github.natsjetstream.listener.HandlerStatusResolver;
import io.github.natsjetstream.listener.NatsHandlerContainer;
import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.github.natsjetstream.listener.WorkerState;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.provisioning.ProvisioningResult;
import io.github.natsjetstream.provisioning.ResourceType;
import io.github.natsjetstream.retry.DeadLetterCounter;
import io.github.natsjetstream.retry.DeadLetterCounts;
import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.HandlerFailure;
import io.github.natsjetstream.retry.ReplayRequest;
import io.github.natsjetstream.retry.ReplayResult;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ServerInfo;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that shows NATS JetStream as this application sees it: the
 * connection, what provisioning did, the streams in use, and every handler with its
 * settings (and where each came from), state, consumer numbers and last error. Its web
 * extension adds one handler ({@code handlers/{id}}), pausing and resuming a handler, and
 * the dead letters ({@code dead-letters}): their counts and their replay. Responses are
 * descriptors of this library, never client objects, and hold no credentials.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Endpoint(id = "nats")
public class NatsEndpoint {

	private final Connection connection;

	private final JetStreamManagement management;

	private final @Nullable ProvisioningReport provisioningReport;

	private final @Nullable NatsHandlerContainerRegistry registry;

	private final @Nullable HandlerStatusResolver statusResolver;

	private final DeadLetterCounter deadLetterCounter;

	private final DeadLetterReplayer deadLetterReplayer;

	/**
	 * Create a new endpoint.
	 * @param connection the connection
	 * @param management the management context, to read the streams
	 * @param provisioningReport what provisioning did, or {@code null}
	 * @param registry the handlers, or {@code null}
	 * @param statusResolver tells each handler's status, or {@code null} without
	 * handlers
	 * @param deadLetterCounter counts the dead letters
	 * @param deadLetterReplayer replays the dead letters
	 */
	public NatsEndpoint(Connection connection, JetStreamManagement management,
			@Nullable ProvisioningReport provisioningReport, @Nullable NatsHandlerContainerRegistry registry,
			@Nullable HandlerStatusResolver statusResolver, DeadLetterCounter deadLetterCounter,
			DeadLetterReplayer deadLetterReplayer) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(management, "'management' must not be null");
		Assert.isTrue((registry == null) == (statusResolver == null),
				"'registry' and 'statusResolver' must be given together");
		Assert.notNull(deadLetterCounter, "'deadLetterCounter' must not be null");
		Assert.notNull(deadLetterReplayer, "'deadLetterReplayer' must not be null");
		this.connection = connection;
		this.management = management;
		this.provisioningReport = provisioningReport;
		this.registry = registry;
		this.statusResolver = statusResolver;
		this.deadLetterCounter = deadLetterCounter;
		this.deadLetterReplayer = deadLetterReplayer;
	}

	/**
	 * Describe the connection, provisioning, the streams in use and every handler.
	 * @return the description
	 */
	@ReadOperation
	public NatsDescriptor nats() {
		return new NatsDescriptor(connection(), provisioning(), streams(), handlers().handlers());
	}

	/**
	 * Describe every handler.
	 * @return the handlers by id
	 */
	public HandlersDescriptor handlers() {
		Map<String, HandlerDescriptor> handlers = new LinkedHashMap<>();
		for (NatsHandlerContainer container : containers()) {
			handlers.put(container.getEndpoint().id(), describe(container));
		}
		return new HandlersDescriptor(handlers);
	}

	/**
	 * Describe one handler.
	 * @param id the handler id
	 * @return the handler, or {@code null} when no handler has that id
	 */
	public @Nullable HandlerDescriptor handler(String id) {
		NatsHandlerContainer container = (this.registry != null) ? this.registry.getContainer(id) : null;
		return (container != null) ? describe(container) : null;
	}

	/**
	 * Pause or resume a handler.
	 * @param id the handler id
	 * @param state {@code paused} or {@code running}
	 * @return the handler once changed, or {@code null} when no handler has that id
	 * @throws IllegalArgumentException when the state is neither
	 */
	public @Nullable HandlerDescriptor changeHandlerState(String id, String state) {
		NatsHandlerContainer container = (this.registry != null) ? this.registry.getContainer(id) : null;
		if (container == null) {
			return null;
		}
		if (HandlerState.PAUSED.getValue().equals(state)) {
			container.pause();
		}
		else if (HandlerState.RUNNING.getValue().equals(state)) {
			container.resume();
		}
		else {
			throw new IllegalArgumentException("Unknown handler state '" + state + "': use '"
					+ HandlerState.PAUSED.getValue() + "' or '" + HandlerState.RUNNING.getValue() + "'");
		}
		return describe(container);
	}

	/**
	 * Count the dead letters by subject and by reason.
	 * @return the counts
	 */
	public DeadLettersDescriptor deadLetters() {
		return new DeadLettersDescriptor(this.deadLetterCounter.count());
	}

	/**
	 * Replay dead letters to their original subjects.
	 * @param consumer only those of this durable consumer, or {@code null}
	 * @param fromSequence from this dead-letter sequence, or {@code null}
	 * @param toSequence up to this dead-letter sequence, or {@code null}
	 * @return what was replayed
	 */
	public ReplayResult replayDeadLetters(@Nullable String consumer, @Nullable Long fromSequence,
			@Nullable Long toSequence) {
		return this.deadLetterReplayer.replay(new ReplayRequest(consumer, fromSequence, toSequence));
	}

	private List<NatsHandlerContainer> containers() {
		return (this.registry != null) ? List.copyOf(this.registry.getContainers()) : List.of();
	}

	private ConnectionDescriptor connection() {
		Connection.Status state = this.connection.getStatus();
		boolean connected = state == Connection.Status.CONNECTED;
		ServerInfo info = this.connection.getServerInfo();
		String url = this.connection.getConnectedUrl();
		return new ConnectionDescriptor(state.name(), (url != null) ? ServerUrls.redact(url) : null,
				connected ? info.getServerName() : null, connected ? info.getVersion() : null,
				connected ? info.getCluster() : null, connected ? rtt() : null,
				this.connection.getStatistics().getReconnects());
	}

	private @Nullable Duration rtt() {
		try {
			return this.connection.RTT();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private ProvisioningDescriptor provisioning() {
		ProvisioningReport report = this.provisioningReport;
		if (report == null) {
			return new ProvisioningDescriptor(null, false, List.of());
		}
		List<ResourceDescriptor> resources = report.getResults().stream().map(ResourceDescriptor::of).toList();
		return new ProvisioningDescriptor(report.getMode().name(), report.isComplete(), resources);
	}

	private Map<String, StreamDescriptor> streams() {
		Set<String> names = new LinkedHashSet<>();
		if (this.provisioningReport != null) {
			this.provisioningReport.getResults()
				.stream()
				.filter((result) -> result.type() == ResourceType.STREAM)
				.forEach((result) -> names.add(result.name()));
		}
		for (NatsHandlerContainer container : containers()) {
			if (container.getStream() != null) {
				names.add(container.getStream());
			}
		}
		names.add(this.deadLetterCounter.getStream());
		Map<String, StreamDescriptor> streams = new LinkedHashMap<>();
		for (String name : names) {
			streams.put(name, stream(name));
		}
		return streams;
	}

	private StreamDescriptor stream(String name) {
		try {
			StreamInfo info = this.management.getStreamInfo(name);
			return StreamDescriptor.of(info.getConfiguration(), info.getStreamState());
		}
		catch (IOException | JetStreamApiException | RuntimeException ex) {
			return StreamDescriptor.failed(ServerUrls.redactText(ex.getClass().getName() + ": " + ex.getMessage()));
		}
	}

	private HandlerDescriptor describe(NatsHandlerContainer container) {
		HandlerStatusResolver statusResolver = this.statusResolver;
		Assert.state(statusResolver != null, "No handlers");
		HandlerStatus status = statusResolver.resolve(container);
		NatsHandlerEndpoint endpoint = container.getEndpoint();
		return new HandlerDescriptor(endpoint.id(), endpoint.description(), endpoint.subjects(), container.getStream(),
				endpoint.durable(), status.state().getValue(), status.isHealthy(), status.stalled(),
				status.pausedOnServer(), settings(endpoint), status.workers(), status.consumer(),
				status.lastActivity(), status.lastHandled(), status.lastFailure());
	}

	private static Map<String, SettingDescriptor> settings(NatsHandlerEndpoint endpoint) {
		HandlerSettings settings = endpoint.settings();
		Map<String, SettingDescriptor> described = new LinkedHashMap<>();
		settings.byName().forEach((name, value) -> {
			if (value != null) {
				described.put(name, new SettingDescriptor(SettingValues.format(value),
						settings.sourceOf(name).name().toLowerCase(Locale.ROOT),
						settings.sourceOf(name).describe(endpoint.id(), name)));
			}
		});
		return described;
	}

	/**
	 * Description of NATS JetStream as this application sees it.
	 *
	 * @param connection the connection
	 * @param provisioning what provisioning did
	 * @param streams the streams in use: declared, consumed by handlers, and the
	 * dead-letter stream
	 * @param handlers the handlers
	 */
	public record NatsDescriptor(ConnectionDescriptor connection, ProvisioningDescriptor provisioning,
			Map<String, StreamDescriptor> streams, Map<String, HandlerDescriptor> handlers)
			implements OperationResponseBody {

	}

	/**
	 * Description of the connection.
	 *
	 * @param state the connection's state, for example {@code CONNECTED}
	 * @param server the URL of the server connected to, without credentials, or
	 * {@code null}
	 * @param serverName the server's name, when connected
	 * @param version the server's version, when connected
	 * @param cluster the server's cluster, when connected and clustered
	 * @param rtt the round-trip time to the server, when connected
	 * @param reconnects how often the connection reconnected
	 */
	public record ConnectionDescriptor(String state, @Nullable String server, @Nullable String serverName,
			@Nullable String version, @Nullable String cluster, @Nullable Duration rtt, long reconnects) {

	}

	/**
	 * Description of what provisioning did.
	 *
	 * @param mode the provisioning mode, or {@code null} without provisioning
	 * @param complete whether every declared resource was provisioned
	 * @param resources every stream, bucket and consumer with its outcome
	 */
	public record ProvisioningDescriptor(@Nullable String mode, boolean complete, List<ResourceDescriptor> resources) {

	}

	/**
	 * Description of one provisioned resource.
	 *
	 * @param type {@code STREAM}, {@code KEY_VALUE} or {@code CONSUMER}
	 * @param name the resource's name
	 * @param outcome {@code CREATED}, {@code UPDATED} or {@code UNCHANGED}
	 * @param differences the differences an update applied, as
	 * {@code field: current -> wanted}
	 */
	public record ResourceDescriptor(String type, String name, String outcome, List<String> differences) {

		static ResourceDescriptor of(ProvisioningResult result) {
			return new ResourceDescriptor(result.type().name(), result.name(), result.outcome().name(),
					result.differences().stream().map(Object::toString).toList());
		}

	}

	/**
	 * Description of a stream's configuration and state.
	 *
	 * @param subjects the subjects it captures
	 * @param storage {@code file} or {@code memory}
	 * @param retention {@code limits}, {@code interest} or {@code workqueue}
	 * @param replicas the number of replicas
	 * @param maxAge the maximum age of a message; zero for none
	 * @param maxMessages the maximum number of messages; -1 for none
	 * @param maxBytes the maximum size; -1 for none
	 * @param messages the number of messages
	 * @param bytes the size of the messages
	 * @param firstSequence the first sequence
	 * @param lastSequence the last sequence
	 * @param consumers the number of consumers
	 * @param error why the stream could not be read, or {@code null}
	 */
	public record StreamDescriptor(List<String> subjects, @Nullable String storage, @Nullable String retention,
			int replicas, @Nullable Duration maxAge, long maxMessages, long maxBytes, long messages, long bytes,
			long firstSequence, long lastSequence, long consumers, @Nullable String error) {

		static StreamDescriptor of(StreamConfiguration configuration, StreamState state) {
			return new StreamDescriptor(configuration.getSubjects(), String.valueOf(configuration.getStorageType()),
					String.valueOf(configuration.getRetentionPolicy()), configuration.getReplicas(),
					configuration.getMaxAge(), configuration.getMaxMsgs(), configuration.getMaxBytes(),
					state.getMsgCount(), state.getByteCount(), state.getFirstSequence(), state.getLastSequence(),
					state.getConsumerCount(), null);
		}

		static StreamDescriptor failed(String error) {
			return new StreamDescriptor(List.of(), null, null, 0, null, 0, 0, 0, 0, 0, 0, 0, error);
		}

	}

	/**
	 * Description of the handlers.
	 *
	 * @param handlers the handlers by id
	 */
	public record HandlersDescriptor(Map<String, HandlerDescriptor> handlers) implements OperationResponseBody {

	}

	/**
	 * Description of one handler.
	 *
	 * @param id the handler id
	 * @param method the handler's method (or class)
	 * @param subjects the subjects it consumes
	 * @param stream the stream it consumes, once started
	 * @param durable its durable consumer
	 * @param state {@code running}, {@code paused} or {@code stopped}
	 * @param healthy whether it is healthy: paused or stopped, or running with every
	 * worker alive, its consumer present and not stalled
	 * @param stalled whether messages wait for its consumer while it received and handled
	 * nothing for the stall time
	 * @param pausedOnServer whether its consumer is paused on the server
	 * @param settings every setting with its value and where it was declared
	 * @param workers the state of each worker
	 * @param consumer the consumer's latest numbers, or {@code null} before the first
	 * refresh
	 * @param lastActivity when a worker last received or handled a message, or started
	 * @param lastHandled when a handler invocation last ended
	 * @param lastError the handler's last failure
	 */
	public record HandlerDescriptor(String id, String method, List<String> subjects, @Nullable String stream,
			String durable, String state, boolean healthy, boolean stalled, boolean pausedOnServer,
			Map<String, SettingDescriptor> settings, List<WorkerState> workers, @Nullable ConsumerSnapshot consumer,
			@Nullable Instant lastActivity, @Nullable Instant lastHandled,
			@Nullable HandlerFailure lastError) implements OperationResponseBody {

	}

	/**
	 * Description of one handler setting.
	 *
	 * @param value the resolved value
	 * @param source {@code property}, {@code annotation} or {@code default}
	 * @param origin where exactly, for example
	 * {@code property 'nats.jetstream.handlers.orders.ack-wait'}
	 */
	public record SettingDescriptor(String value, String source, String origin) {

	}

	/**
	 * Description of the dead letters.
	 *
	 * @param stream the dead-letter stream
	 * @param messages the number of dead letters
	 * @param firstSequence the first sequence
	 * @param lastSequence the last sequence
	 * @param subjects the number of dead letters per subject
	 * @param reasons the number of dead letters per reason, among the
	 * {@code reasonsRead} latest
	 * @param reasonsRead how many dead letters were read to count the reasons
	 */
	public record DeadLettersDescriptor(String stream, long messages, long firstSequence, long lastSequence,
			Map<String, Long> subjects, Map<String, Long> reasons, long reasonsRead) implements OperationResponseBody {

		DeadLettersDescriptor(DeadLetterCounts counts) {
			this(counts.stream(), counts.messages(), counts.firstSequence(), counts.lastSequence(), counts.subjects(),
					counts.reasons(), counts.reasonsRead());
		}

	}

	/**
	 * Formats setting values for people.
	 */
	static final class SettingValues {

		private SettingValues() {
		}

		static String format(Object value) {
			if (value instanceof Duration duration) {
				return DurationStyle.SIMPLE.print(duration, largestExactUnit(duration));
			}
			if (value instanceof Class<?> type) {
				return type.getName();
			}
			if (value instanceof DeliverPolicySetting deliverPolicy) {
				return (deliverPolicy.startTime() != null)
						? "by-start-time=" + deliverPolicy.startTime().toInstant() : deliverPolicy.policy().toString();
			}
			if (value instanceof List<?> list) {
				List<String> formatted = new ArrayList<>(list.size());
				list.forEach((item) -> formatted.add((item != null) ? format(item) : "null"));
				return String.join(", ", formatted);
			}
			return value.toString();
		}

		private static ChronoUnit largestExactUnit(Duration duration) {
			for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS,
					ChronoUnit.MILLIS)) {
				if (duration.toNanos() % unit.getDuration().toNanos() == 0) {
					return unit;
				}
			}
			return ChronoUnit.NANOS;
		}

	}

}

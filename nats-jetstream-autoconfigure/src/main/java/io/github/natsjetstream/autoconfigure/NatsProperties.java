package io.github.natsjetstream.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.config.DeclaredHandlerSettings;
import io.github.natsjetstream.config.DeliverPolicySetting;
import io.github.natsjetstream.provisioning.DiscardPolicy;
import io.github.natsjetstream.provisioning.ProvisioningMode;
import io.github.natsjetstream.provisioning.RetentionPolicy;
import io.github.natsjetstream.provisioning.StorageType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for NATS and JetStream.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@ConfigurationProperties("nats")
public class NatsProperties {

	/**
	 * NATS server URLs to connect to, for example 'nats://host:4222' or 'tls://host:4222'.
	 * Credentials given as 'user:password@' in a URL are used for authentication and never
	 * logged.
	 */
	private List<String> servers = new ArrayList<>(List.of("nats://localhost:4222"));

	/**
	 * Name of the connection as shown by the server's monitoring. Defaults to
	 * 'spring.application.name'.
	 */
	private @Nullable String connectionName;

	/**
	 * Login user for user/password authentication.
	 */
	private @Nullable String username;

	/**
	 * Login password for user/password authentication.
	 */
	private @Nullable String password;

	/**
	 * Token for token authentication.
	 */
	private @Nullable String token;

	/**
	 * NKey seed (starting with 'SU') for NKey authentication.
	 */
	private @Nullable String nkey;

	/**
	 * Path to a '.creds' file (user JWT and NKey seed) for decentralized JWT
	 * authentication. The file is read again at every reconnect.
	 */
	private @Nullable String credentials;

	/**
	 * Timeout for establishing a connection to one server.
	 */
	private Duration connectionTimeout = Duration.ofSeconds(2);

	/**
	 * Time to wait between reconnect attempts to the same server.
	 */
	private Duration reconnectWait = Duration.ofSeconds(2);

	/**
	 * Maximum number of reconnect attempts; -1 to reconnect forever.
	 */
	private int maxReconnects = 60;

	/**
	 * Interval between client pings to the server.
	 */
	private Duration pingInterval = Duration.ofMinutes(2);

	/**
	 * Prefix of the subjects used for replies to requests.
	 */
	private String inboxPrefix = "_INBOX.";

	/**
	 * Whether to fail application startup when no server can be reached. When
	 * disabled, the application starts while the servers are down and the connection
	 * keeps trying in the background.
	 */
	private boolean failFast = true;

	/**
	 * Maximum time to wait at shutdown for the connection to drain (deliver what was
	 * received, flush what was published) before it is closed.
	 */
	private Duration drainTimeout = Duration.ofSeconds(5);

	private final Ssl ssl = new Ssl();

	private final Jetstream jetstream = new Jetstream();

	public List<String> getServers() {
		return this.servers;
	}

	public void setServers(List<String> servers) {
		this.servers = servers;
	}

	public @Nullable String getConnectionName() {
		return this.connectionName;
	}

	public void setConnectionName(@Nullable String connectionName) {
		this.connectionName = connectionName;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable String getNkey() {
		return this.nkey;
	}

	public void setNkey(@Nullable String nkey) {
		this.nkey = nkey;
	}

	public @Nullable String getCredentials() {
		return this.credentials;
	}

	public void setCredentials(@Nullable String credentials) {
		this.credentials = credentials;
	}

	public Duration getConnectionTimeout() {
		return this.connectionTimeout;
	}

	public void setConnectionTimeout(Duration connectionTimeout) {
		this.connectionTimeout = connectionTimeout;
	}

	public Duration getReconnectWait() {
		return this.reconnectWait;
	}

	public void setReconnectWait(Duration reconnectWait) {
		this.reconnectWait = reconnectWait;
	}

	public int getMaxReconnects() {
		return this.maxReconnects;
	}

	public void setMaxReconnects(int maxReconnects) {
		this.maxReconnects = maxReconnects;
	}

	public Duration getPingInterval() {
		return this.pingInterval;
	}

	public void setPingInterval(Duration pingInterval) {
		this.pingInterval = pingInterval;
	}

	public String getInboxPrefix() {
		return this.inboxPrefix;
	}

	public void setInboxPrefix(String inboxPrefix) {
		this.inboxPrefix = inboxPrefix;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Jetstream getJetstream() {
		return this.jetstream;
	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (under 'spring.ssl.bundle') that provides the key and
		 * trust material for TLS connections.
		 */
		private @Nullable String bundle;

		/**
		 * Whether to verify that the server's certificate is for the host connected to.
		 * Turned off, any certificate the trust material accepts is taken, and a warning
		 * says so at startup.
		 */
		private boolean verifyHostname = true;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public boolean isVerifyHostname() {
			return this.verifyHostname;
		}

		public void setVerifyHostname(boolean verifyHostname) {
			this.verifyHostname = verifyHostname;
		}

	}

	/**
	 * JetStream settings.
	 */
	public static class Jetstream {

		/**
		 * JetStream domain to use, for example that of a leaf node.
		 */
		private @Nullable String domain;

		/**
		 * Prefix of the JetStream API subjects, for access through an account import.
		 */
		private @Nullable String prefix;

		/**
		 * Timeout of JetStream API requests.
		 */
		private @Nullable Duration requestTimeout;

		/**
		 * Streams to provision at startup, by stream name.
		 */
		private Map<String, Stream> streams = new LinkedHashMap<>();

		/**
		 * Key-value buckets to provision at startup, by bucket name.
		 */
		private Map<String, KeyValue> keyValue = new LinkedHashMap<>();

		private final Provisioning provisioning = new Provisioning();

		/**
		 * Maximum time to wait at shutdown for handlers to finish the messages they are
		 * handling. When unset, 'spring.lifecycle.timeout-per-shutdown-phase' less 5
		 * seconds, which the handlers need to return the messages they pulled.
		 */
		private @Nullable Duration shutdownTimeout;

		private final ConsumerDefaults consumerDefaults = new ConsumerDefaults();

		/**
		 * Overrides of handler settings, by handler id.
		 */
		private Map<String, DeclaredHandlerSettings> handlers = new LinkedHashMap<>();

		private final DeadLetter deadLetter = new DeadLetter();

		public @Nullable String getDomain() {
			return this.domain;
		}

		public void setDomain(@Nullable String domain) {
			this.domain = domain;
		}

		public @Nullable String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(@Nullable String prefix) {
			this.prefix = prefix;
		}

		public @Nullable Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(@Nullable Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public Map<String, Stream> getStreams() {
			return this.streams;
		}

		public void setStreams(Map<String, Stream> streams) {
			this.streams = streams;
		}

		public Map<String, KeyValue> getKeyValue() {
			return this.keyValue;
		}

		public void setKeyValue(Map<String, KeyValue> keyValue) {
			this.keyValue = keyValue;
		}

		public Provisioning getProvisioning() {
			return this.provisioning;
		}

		public @Nullable Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(@Nullable Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public ConsumerDefaults getConsumerDefaults() {
			return this.consumerDefaults;
		}

		public Map<String, DeclaredHandlerSettings> getHandlers() {
			return this.handlers;
		}

		public void setHandlers(Map<String, DeclaredHandlerSettings> handlers) {
			this.handlers = handlers;
		}

		public DeadLetter getDeadLetter() {
			return this.deadLetter;
		}

	}

	/**
	 * Provisioning settings.
	 */
	public static class Provisioning {

		/**
		 * How declared streams and key-value buckets are applied at startup.
		 */
		private ProvisioningMode mode = ProvisioningMode.CREATE_OR_UPDATE;

		public ProvisioningMode getMode() {
			return this.mode;
		}

		public void setMode(ProvisioningMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * Declaration of a stream. Unset values are left to the server's defaults.
	 */
	public static class Stream {

		/**
		 * Subjects the stream captures; wildcards allowed. Defaults to the stream name.
		 */
		private List<String> subjects = new ArrayList<>();

		/**
		 * Storage type of the stream.
		 */
		private @Nullable StorageType storage;

		/**
		 * Retention policy of the stream.
		 */
		private @Nullable RetentionPolicy retention;

		/**
		 * Number of replicas in a clustered JetStream.
		 */
		private @Nullable Integer replicas;

		/**
		 * Maximum age of a message in the stream.
		 */
		private @Nullable Duration maxAge;

		/**
		 * Maximum size of the stream.
		 */
		private @Nullable DataSize maxBytes;

		/**
		 * Maximum number of messages in the stream.
		 */
		private @Nullable Long maxMsgs;

		/**
		 * Maximum number of messages kept per subject.
		 */
		private @Nullable Long maxMsgsPerSubject;

		/**
		 * Maximum size of one message.
		 */
		private @Nullable DataSize maxMsgSize;

		/**
		 * What to discard when the stream reaches a limit.
		 */
		private @Nullable DiscardPolicy discard;

		/**
		 * Window within which messages with the same 'Nats-Msg-Id' are deduplicated.
		 */
		private @Nullable Duration duplicateWindow;

		/**
		 * Description of the stream.
		 */
		private @Nullable String description;

		/**
		 * Whether messages may roll up the subject or the stream ('Nats-Rollup' header).
		 */
		private @Nullable Boolean allowRollup;

		/**
		 * Whether deleting single messages is denied.
		 */
		private @Nullable Boolean denyDelete;

		/**
		 * Whether purging the stream is denied.
		 */
		private @Nullable Boolean denyPurge;

		public List<String> getSubjects() {
			return this.subjects;
		}

		public void setSubjects(List<String> subjects) {
			this.subjects = subjects;
		}

		public @Nullable StorageType getStorage() {
			return this.storage;
		}

		public void setStorage(@Nullable StorageType storage) {
			this.storage = storage;
		}

		public @Nullable RetentionPolicy getRetention() {
			return this.retention;
		}

		public void setRetention(@Nullable RetentionPolicy retention) {
			this.retention = retention;
		}

		public @Nullable Integer getReplicas() {
			return this.replicas;
		}

		public void setReplicas(@Nullable Integer replicas) {
			this.replicas = replicas;
		}

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
		}

		public @Nullable DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(@Nullable DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public @Nullable Long getMaxMsgs() {
			return this.maxMsgs;
		}

		public void setMaxMsgs(@Nullable Long maxMsgs) {
			this.maxMsgs = maxMsgs;
		}

		public @Nullable Long getMaxMsgsPerSubject() {
			return this.maxMsgsPerSubject;
		}

		public void setMaxMsgsPerSubject(@Nullable Long maxMsgsPerSubject) {
			this.maxMsgsPerSubject = maxMsgsPerSubject;
		}

		public @Nullable DataSize getMaxMsgSize() {
			return this.maxMsgSize;
		}

		public void setMaxMsgSize(@Nullable DataSize maxMsgSize) {
			this.maxMsgSize = maxMsgSize;
		}

		public @Nullable DiscardPolicy getDiscard() {
			return this.discard;
		}

		public void setDiscard(@Nullable DiscardPolicy discard) {
			this.discard = discard;
		}

		public @Nullable Duration getDuplicateWindow() {
			return this.duplicateWindow;
		}

		public void setDuplicateWindow(@Nullable Duration duplicateWindow) {
			this.duplicateWindow = duplicateWindow;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public @Nullable Boolean getAllowRollup() {
			return this.allowRollup;
		}

		public void setAllowRollup(@Nullable Boolean allowRollup) {
			this.allowRollup = allowRollup;
		}

		public @Nullable Boolean getDenyDelete() {
			return this.denyDelete;
		}

		public void setDenyDelete(@Nullable Boolean denyDelete) {
			this.denyDelete = denyDelete;
		}

		public @Nullable Boolean getDenyPurge() {
			return this.denyPurge;
		}

		public void setDenyPurge(@Nullable Boolean denyPurge) {
			this.denyPurge = denyPurge;
		}

	}

	/**
	 * Declaration of a key-value bucket. Unset values are left to the server's defaults.
	 */
	public static class KeyValue {

		/**
		 * Number of values kept per key.
		 */
		private @Nullable Integer history;

		/**
		 * Time after which a value expires.
		 */
		private @Nullable Duration ttl;

		/**
		 * Maximum size of the bucket.
		 */
		private @Nullable DataSize maxBytes;

		/**
		 * Storage type of the bucket.
		 */
		private @Nullable StorageType storage;

		/**
		 * Number of replicas in a clustered JetStream.
		 */
		private @Nullable Integer replicas;

		/**
		 * Description of the bucket.
		 */
		private @Nullable String description;

		public @Nullable Integer getHistory() {
			return this.history;
		}

		public void setHistory(@Nullable Integer history) {
			this.history = history;
		}

		public @Nullable Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(@Nullable Duration ttl) {
			this.ttl = ttl;
		}

		public @Nullable DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(@Nullable DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public @Nullable StorageType getStorage() {
			return this.storage;
		}

		public void setStorage(@Nullable StorageType storage) {
			this.storage = storage;
		}

		public @Nullable Integer getReplicas() {
			return this.replicas;
		}

		public void setReplicas(@Nullable Integer replicas) {
			this.replicas = replicas;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

	}


	/**
	 * Settings of every handler's consumer, unless its annotation or
	 * 'nats.jetstream.handlers.<id>' says otherwise.
	 */
	public static class ConsumerDefaults {

		/**
		 * Number of messages a handler handles in parallel.
		 */
		private int concurrency = 1;

		/**
		 * Maximum number of deliveries of one message before it is dead-lettered.
		 */
		private int maxDeliver = 5;

		private final Backoff backoff = new Backoff();

		/**
		 * Time the server waits for an acknowledgement before redelivering a message.
		 */
		private Duration ackWait = Duration.ofSeconds(30);

		/**
		 * Maximum number of messages delivered to a consumer and not yet acknowledged.
		 */
		private int maxAckPending = 1000;

		/**
		 * Where a new consumer starts: 'all', 'new', 'last', 'last-per-subject' or
		 * 'by-start-time=<ISO-8601 instant>'.
		 */
		private DeliverPolicySetting deliverPolicy = DeliverPolicySetting.ALL;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public int getMaxDeliver() {
			return this.maxDeliver;
		}

		public void setMaxDeliver(int maxDeliver) {
			this.maxDeliver = maxDeliver;
		}

		public Backoff getBackoff() {
			return this.backoff;
		}

		public Duration getAckWait() {
			return this.ackWait;
		}

		public void setAckWait(Duration ackWait) {
			this.ackWait = ackWait;
		}

		public int getMaxAckPending() {
			return this.maxAckPending;
		}

		public void setMaxAckPending(int maxAckPending) {
			this.maxAckPending = maxAckPending;
		}

		public DeliverPolicySetting getDeliverPolicy() {
			return this.deliverPolicy;
		}

		public void setDeliverPolicy(DeliverPolicySetting deliverPolicy) {
			this.deliverPolicy = deliverPolicy;
		}

	}

	/**
	 * Delays before redelivering a failed message: either a list of delays, or an
	 * exponential policy (delay, multiplier, max-delay, jitter) when the list is empty.
	 */
	public static class Backoff {

		/**
		 * Delays before each redelivery; the last one repeats. Takes precedence over the
		 * exponential policy.
		 */
		private List<Duration> delays = new ArrayList<>();

		/**
		 * Delay before the first redelivery.
		 */
		private Duration delay = Duration.ofSeconds(1);

		/**
		 * Factor applied to the delay for each further redelivery; 1 for a fixed delay.
		 */
		private double multiplier = 2.0;

		/**
		 * Maximum delay between redeliveries.
		 */
		private Duration maxDelay = Duration.ofSeconds(30);

		/**
		 * Random variation of each delay, as a fraction of it (0.1 for plus or minus
		 * 10%).
		 */
		private double jitter = 0.0;

		public List<Duration> getDelays() {
			return this.delays;
		}

		public void setDelays(List<Duration> delays) {
			this.delays = delays;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Dead-letter settings.
	 */
	public static class DeadLetter {

		/**
		 * Name of the stream that keeps dead letters; provisioned like declared streams.
		 */
		private String stream = "DLQ";

		/**
		 * Subjects of the dead-letter stream.
		 */
		private List<String> subjects = new ArrayList<>(List.of("dlq.>"));

		/**
		 * Subject dead letters are published to; '{stream}' and '{durable}' are replaced
		 * by the original stream and the consumer's durable name.
		 */
		private String subject = "dlq.{stream}.{durable}";

		public String getStream() {
			return this.stream;
		}

		public void setStream(String stream) {
			this.stream = stream;
		}

		public List<String> getSubjects() {
			return this.subjects;
		}

		public void setSubjects(List<String> subjects) {
			this.subjects = subjects;
		}

		public String getSubject() {
			return this.subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

	}

}

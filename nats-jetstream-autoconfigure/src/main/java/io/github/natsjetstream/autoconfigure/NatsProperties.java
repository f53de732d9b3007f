package io.github.natsjetstream.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.config.DeclaredHandlerSettings;
import io.github.natsjetstream.config.DeliverPolicySetting;
import io.github.natsjetstream.provisioning.Compression;
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

		/**
		 * Whether each handling of a message is a 'nats.handler' Micrometer Observation
		 * (its timer, a span continuing the publisher's trace, trace ids in the MDC). When
		 * false, handlers record only the 'nats.handler' timer, directly in the meter
		 * registry with the default tags and no long task timer, as Spring Kafka's
		 * listeners do without their observation: cheaper per message, with no span.
		 */
		private boolean handlerObservationEnabled = true;

		private final ConsumerDefaults consumerDefaults = new ConsumerDefaults();

		/**
		 * Overrides of handler settings, by handler id.
		 */
		private Map<String, DeclaredHandlerSettings> handlers = new LinkedHashMap<>();

		private final DeadLetter deadLetter = new DeadLetter();

		private final ConsumerStatistics consumerStatistics = new ConsumerStatistics();

		private final Health health = new Health();

		private final Publish publish = new Publish();

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

		public boolean isHandlerObservationEnabled() {
			return this.handlerObservationEnabled;
		}

		public void setHandlerObservationEnabled(boolean handlerObservationEnabled) {
			this.handlerObservationEnabled = handlerObservationEnabled;
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

		public ConsumerStatistics getConsumerStatistics() {
			return this.consumerStatistics;
		}

		public Health getHealth() {
			return this.health;
		}

		public Publish getPublish() {
			return this.publish;
		}

	}

	/**
	 * Settings of the background refresh of the handlers' consumer numbers (pending, ack
	 * pending, redelivered), which health, the 'nats' endpoint and metrics read.
	 */
	public static class ConsumerStatistics {

		/**
		 * Time between two reads of every handler's consumer: each time one consumer-list
		 * request per stream that several handlers consume (of which only the numbers are
		 * read), one consumer-info request per handler alone on its stream.
		 */
		private Duration interval = Duration.ofSeconds(10);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	/**
	 * Settings of the 'nats' health contributor.
	 */
	public static class Health {

		/**
		 * Time for which an answer of JetStream to the connection check is reused, so that
		 * health probes do not each make a request to the server. An answer is not reused
		 * after a reconnect.
		 */
		private Duration cacheTimeToLive = Duration.ofSeconds(15);

		/**
		 * Maximum time to wait for JetStream to answer the connection check.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * Time after which a running handler whose consumer has messages pending or being
		 * redelivered, and which received and handled nothing meanwhile, is reported
		 * stalled. When unset, three times the handler's ack wait.
		 */
		private @Nullable Duration stallAfter;

		public Duration getCacheTimeToLive() {
			return this.cacheTimeToLive;
		}

		public void setCacheTimeToLive(Duration cacheTimeToLive) {
			this.cacheTimeToLive = cacheTimeToLive;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getStallAfter() {
			return this.stallAfter;
		}

		public void setStallAfter(@Nullable Duration stallAfter) {
			this.stallAfter = stallAfter;
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

		/**
		 * Metadata of the stream (nats-server 2.10 or later).
		 */
		private Map<String, String> metadata = new LinkedHashMap<>();

		/**
		 * How stored messages are compressed (nats-server 2.10 or later).
		 */
		private @Nullable Compression compression;

		/**
		 * Transform of the subjects of the messages the stream stores (nats-server 2.10 or
		 * later).
		 */
		private final SubjectTransform subjectTransform = new SubjectTransform();

		/**
		 * Streams whose messages this stream copies.
		 */
		private List<StreamSource> sources = new ArrayList<>();

		/**
		 * Stream this stream mirrors; a mirror captures no subjects of its own.
		 */
		private final StreamSource mirror = new StreamSource();

		/**
		 * Where the stream's replicas are placed in a cluster.
		 */
		private final Placement placement = new Placement();

		/**
		 * Whether messages can be read directly from any replica, without a consumer.
		 */
		private @Nullable Boolean allowDirect;

		/**
		 * Sequence of the first message of the new stream (nats-server 2.10 or later);
		 * applies when the stream is created.
		 */
		private @Nullable Long firstSequence;

		/**
		 * Whether a message may set its own time to live with the 'Nats-TTL' header
		 * (nats-server 2.11 or later).
		 */
		private @Nullable Boolean allowMsgTtl;

		/**
		 * Time to live of the marker left when the stream's limits remove the last message
		 * of a subject; zero for no markers (nats-server 2.11 or later).
		 */
		private @Nullable Duration subjectDeleteMarkerTtl;

		/**
		 * Whether batches of messages may be published atomically (nats-server 2.12 or
		 * later).
		 */
		private @Nullable Boolean allowAtomicPublish;

		/**
		 * Whether the stream holds counters, incremented with the 'Nats-Incr' header
		 * (nats-server 2.12 or later).
		 */
		private @Nullable Boolean allowMsgCounter;

		/**
		 * Whether messages may be scheduled with the 'Nats-Schedule' header (nats-server
		 * 2.12 or later).
		 */
		private @Nullable Boolean allowMsgSchedules;

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

		public Map<String, String> getMetadata() {
			return this.metadata;
		}

		public void setMetadata(Map<String, String> metadata) {
			this.metadata = metadata;
		}

		public @Nullable Compression getCompression() {
			return this.compression;
		}

		public void setCompression(@Nullable Compression compression) {
			this.compression = compression;
		}

		public SubjectTransform getSubjectTransform() {
			return this.subjectTransform;
		}

		public List<StreamSource> getSources() {
			return this.sources;
		}

		public void setSources(List<StreamSource> sources) {
			this.sources = sources;
		}

		public StreamSource getMirror() {
			return this.mirror;
		}

		public Placement getPlacement() {
			return this.placement;
		}

		public @Nullable Boolean getAllowDirect() {
			return this.allowDirect;
		}

		public void setAllowDirect(@Nullable Boolean allowDirect) {
			this.allowDirect = allowDirect;
		}

		public @Nullable Long getFirstSequence() {
			return this.firstSequence;
		}

		public void setFirstSequence(@Nullable Long firstSequence) {
			this.firstSequence = firstSequence;
		}

		public @Nullable Boolean getAllowMsgTtl() {
			return this.allowMsgTtl;
		}

		public void setAllowMsgTtl(@Nullable Boolean allowMsgTtl) {
			this.allowMsgTtl = allowMsgTtl;
		}

		public @Nullable Duration getSubjectDeleteMarkerTtl() {
			return this.subjectDeleteMarkerTtl;
		}

		public void setSubjectDeleteMarkerTtl(@Nullable Duration subjectDeleteMarkerTtl) {
			this.subjectDeleteMarkerTtl = subjectDeleteMarkerTtl;
		}

		public @Nullable Boolean getAllowAtomicPublish() {
			return this.allowAtomicPublish;
		}

		public void setAllowAtomicPublish(@Nullable Boolean allowAtomicPublish) {
			this.allowAtomicPublish = allowAtomicPublish;
		}

		public @Nullable Boolean getAllowMsgCounter() {
			return this.allowMsgCounter;
		}

		public void setAllowMsgCounter(@Nullable Boolean allowMsgCounter) {
			this.allowMsgCounter = allowMsgCounter;
		}

		public @Nullable Boolean getAllowMsgSchedules() {
			return this.allowMsgSchedules;
		}

		public void setAllowMsgSchedules(@Nullable Boolean allowMsgSchedules) {
			this.allowMsgSchedules = allowMsgSchedules;
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

		/**
		 * Whether stored values are compressed (nats-server 2.10 or later).
		 */
		private @Nullable Boolean compression;

		/**
		 * Metadata of the bucket (nats-server 2.10 or later).
		 */
		private Map<String, String> metadata = new LinkedHashMap<>();

		/**
		 * Republishing of every value stored to another subject.
		 */
		private final Republish republish = new Republish();

		/**
		 * Bucket this bucket mirrors (by bucket name).
		 */
		private final StreamSource mirror = new StreamSource();

		/**
		 * Buckets whose values this bucket copies (by bucket name).
		 */
		private List<StreamSource> sources = new ArrayList<>();

		/**
		 * Time to live of the marker left when the bucket's limits remove a key, at least
		 * one second; zero for no markers (nats-server 2.11 or later).
		 */
		private @Nullable Duration limitMarkerTtl;

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

		public @Nullable Boolean getCompression() {
			return this.compression;
		}

		public void setCompression(@Nullable Boolean compression) {
			this.compression = compression;
		}

		public Map<String, String> getMetadata() {
			return this.metadata;
		}

		public void setMetadata(Map<String, String> metadata) {
			this.metadata = metadata;
		}

		public Republish getRepublish() {
			return this.republish;
		}

		public StreamSource getMirror() {
			return this.mirror;
		}

		public List<StreamSource> getSources() {
			return this.sources;
		}

		public void setSources(List<StreamSource> sources) {
			this.sources = sources;
		}

		public @Nullable Duration getLimitMarkerTtl() {
			return this.limitMarkerTtl;
		}

		public void setLimitMarkerTtl(@Nullable Duration limitMarkerTtl) {
			this.limitMarkerTtl = limitMarkerTtl;
		}

	}

	/**
	 * A stream (or key-value bucket) whose messages are copied: a source or a mirror.
	 */
	public static class StreamSource {

		/**
		 * Name of the stream (or bucket) to copy.
		 */
		private @Nullable String name;

		/**
		 * Subject to copy only the messages of; wildcards allowed.
		 */
		private @Nullable String filterSubject;

		/**
		 * Subjects to copy, each with the transform of its subjects (nats-server 2.10 or
		 * later).
		 */
		private List<SubjectTransform> subjectTransforms = new ArrayList<>();

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getFilterSubject() {
			return this.filterSubject;
		}

		public void setFilterSubject(@Nullable String filterSubject) {
			this.filterSubject = filterSubject;
		}

		public List<SubjectTransform> getSubjectTransforms() {
			return this.subjectTransforms;
		}

		public void setSubjectTransforms(List<SubjectTransform> subjectTransforms) {
			this.subjectTransforms = subjectTransforms;
		}

	}

	/**
	 * A transform of subjects.
	 */
	public static class SubjectTransform {

		/**
		 * Subjects to transform; wildcards allowed.
		 */
		private @Nullable String source;

		/**
		 * What the subjects become, with '{{wildcard(n)}}' or '$n' for the source's
		 * wildcards.
		 */
		private @Nullable String destination;

		public @Nullable String getSource() {
			return this.source;
		}

		public void setSource(@Nullable String source) {
			this.source = source;
		}

		public @Nullable String getDestination() {
			return this.destination;
		}

		public void setDestination(@Nullable String destination) {
			this.destination = destination;
		}

	}

	/**
	 * Placement of a stream's replicas in a cluster.
	 */
	public static class Placement {

		/**
		 * Cluster to place the replicas in.
		 */
		private @Nullable String cluster;

		/**
		 * Tags the servers holding the replicas must have.
		 */
		private List<String> tags = new ArrayList<>();

		public @Nullable String getCluster() {
			return this.cluster;
		}

		public void setCluster(@Nullable String cluster) {
			this.cluster = cluster;
		}

		public List<String> getTags() {
			return this.tags;
		}

		public void setTags(List<String> tags) {
			this.tags = tags;
		}

	}

	/**
	 * Republishing of stored messages to another subject.
	 */
	public static class Republish {

		/**
		 * Subjects of the stored messages to republish; wildcards allowed.
		 */
		private @Nullable String source;

		/**
		 * Subject to republish on, with '{{wildcard(n)}}' for the source's wildcards.
		 */
		private @Nullable String destination;

		/**
		 * Whether only the headers are republished, without the payload.
		 */
		private boolean headersOnly;

		public @Nullable String getSource() {
			return this.source;
		}

		public void setSource(@Nullable String source) {
			this.source = source;
		}

		public @Nullable String getDestination() {
			return this.destination;
		}

		public void setDestination(@Nullable String destination) {
			this.destination = destination;
		}

		public boolean isHeadersOnly() {
			return this.headersOnly;
		}

		public void setHeadersOnly(boolean headersOnly) {
			this.headersOnly = headersOnly;
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
		 * Maximum number of messages delivered to a consumer and not yet acknowledged. One
		 * instance holds at most half of it, so that the instances that take over from one
		 * that died go on at once.
		 */
		private int maxAckPending = 2000;

		/**
		 * How long an instance pinned by a handler with the 'pinned-client' priority
		 * policy may go without pulling before the server pins another.
		 */
		private Duration pinTimeout = Duration.ofSeconds(30);

		/**
		 * Most messages a handler method taking a List receives at once.
		 */
		private int batchSize = 100;

		/**
		 * Longest a handler method taking a List waits for a batch to fill once its first
		 * message is in hand.
		 */
		private Duration batchWait = Duration.ofMillis(100);

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

		public Duration getPinTimeout() {
			return this.pinTimeout;
		}

		public void setPinTimeout(Duration pinTimeout) {
			this.pinTimeout = pinTimeout;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getBatchWait() {
			return this.batchWait;
		}

		public void setBatchWait(Duration batchWait) {
			this.batchWait = batchWait;
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

	/**
	 * Publishing settings of the JetStream template.
	 */
	public static class Publish {

		/**
		 * Time to wait for a stream to acknowledge a publish. Defaults to the timeout of
		 * JetStream requests: 'nats.jetstream.request-timeout', or
		 * 'nats.connection-timeout' when that is not set.
		 */
		private @Nullable Duration timeout;

		/**
		 * Maximum number of asynchronous publishes awaiting acknowledgement; further
		 * asynchronous publishes wait for one of them to complete.
		 */
		private int maxInFlight = 4096;

		/**
		 * Maximum time an asynchronous publish waits when 'max-in-flight' publishes
		 * await acknowledgement, before it fails without being sent.
		 */
		private Duration maxInFlightTimeout = Duration.ofSeconds(5);

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

		public Duration getMaxInFlightTimeout() {
			return this.maxInFlightTimeout;
		}

		public void setMaxInFlightTimeout(Duration maxInFlightTimeout) {
			this.maxInFlightTimeout = maxInFlightTimeout;
		}

	}

}

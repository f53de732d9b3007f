package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.NatsServerRunner;
import org.jspecify.annotations.Nullable;

/**
 * A real {@code nats-server} process for tests, listening on the loopback interface.
 *
 * <p>Every server gets its own temporary working directory holding the generated configuration
 * file, the log file and the pid file and, unless {@link Builder#storeDir(Path)} says otherwise,
 * the JetStream store. Ports are fixed when the server is built, so {@link #restart()} brings the
 * server back on the same client port with the same JetStream data.
 *
 * <pre class="code">
 * try (NatsServer server = NatsServer.builder().build().start()) {
 *     Connection connection = Nats.connect(server.url());
 *     // ...
 * }
 * </pre>
 *
 * @see NatsServerExtension
 * @see NatsCluster
 */
public final class NatsServer implements AutoCloseable {

	/** The address every test server listens on. */
	public static final String LOOPBACK = "127.0.0.1";

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Path binary;

	private final Duration startupTimeout;

	private final ServerConfigFile config;

	private final Path workDir;

	private final Path storeDir;

	private final boolean ownsStoreDir;

	private final Path configFile;

	private final boolean tls;

	private final ProcessOutput output = new ProcessOutput();

	private @Nullable NatsServerRunner runner;

	private @Nullable ProcessHandle process;

	private boolean closed;

	private NatsServer(Builder builder) {
		this.binary = binary(builder.binary);
		this.startupTimeout = builder.startupTimeout;
		this.workDir = FileTrees.createTempDirectory("nats-server-");
		this.ownsStoreDir = builder.storeDir == null;
		this.storeDir = (builder.storeDir != null) ? builder.storeDir : this.workDir.resolve("store");
		this.configFile = this.workDir.resolve("nats-server.conf");
		this.tls = builder.tls != null;
		int port = (builder.port > 0) ? builder.port : FreePorts.next();
		int monitoringPort = builder.monitoring ? FreePorts.next() : 0;
		String clusterName = builder.clusterName;
		int clusterPort = (clusterName == null) ? 0 : (builder.clusterPort > 0) ? builder.clusterPort : FreePorts.next();
		this.config = new ServerConfigFile(port, builder.serverName, this.workDir.resolve("nats-server.pid"),
				this.workDir.resolve("nats-server.log"), monitoringPort, builder.jetStream ? this.storeDir : null,
				clusterName, clusterPort, List.copyOf(builder.routes),
				(builder.tls != null) ? builder.tls.serverCertificate() : null,
				(builder.tls != null) ? builder.tls.serverPrivateKey() : null,
				(builder.tls != null && builder.verifyClients) ? builder.tls.caCertificate() : null,
				List.copyOf(builder.extraConfig));
	}

	private static Path binary(@Nullable Path given) {
		if (given == null) {
			return NatsServerBinary.locate();
		}
		NatsServerBinary.announce(given, "NatsServer.Builder.binary(Path)");
		return given;
	}

	/**
	 * Creates a builder for a JetStream-enabled server on free ports.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Launches the server process and waits until it accepts client connections; with
	 * JetStream enabled, until JetStream has been started and has recovered its stored data.
	 * @return this server
	 * @throws IllegalStateException if the server is already running, has been closed, or does
	 * not start; the message then contains the server's output, log and configuration
	 */
	public synchronized NatsServer start() {
		if (this.closed) {
			throw new IllegalStateException("The server has been closed");
		}
		if (isRunning()) {
			throw new IllegalStateException("The server is already running on " + url());
		}
		releaseRunner();
		try {
			Files.writeString(this.configFile, this.config.render());
			Files.deleteIfExists(this.config.pidFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.configFile, ex);
		}
		long logOffset = ServerStartup.sizeOf(this.config.logFile());
		this.output.clear();
		NatsServerRunner launched = launch();
		this.runner = launched;
		Path launchedConfig = Path.of(Objects.requireNonNull(launched.getConfigFile()));
		ServerStartup startup = new ServerStartup(launchedConfig, this.config.pidFile(), this.config.logFile(),
				logOffset, port(), this.output);
		try {
			ProcessHandle started = startup.awaitReady(this.startupTimeout);
			OrphanReaper.track(started);
			this.process = started;
		}
		catch (RuntimeException ex) {
			shutdownRunner();
			releaseRunner();
			throw ex;
		}
		return this;
	}

	private NatsServerRunner launch() {
		try {
			return NatsServerRunner.builder()
				.executablePath(this.binary)
				.configFilePath(this.configFile)
				.port(port())
				.output(this.output)
				// Readiness is checked by ServerStartup, which also watches the process.
				.skipConnectValidate()
				.processCheckWait(1L)
				.processCheckTries(1)
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not launch " + this.binary, ex);
		}
	}

	/**
	 * Stops the server gracefully (SIGTERM, letting JetStream flush its data) and waits until
	 * the process has exited. Does nothing if the server is not running.
	 */
	public synchronized void stop() {
		ProcessHandle current = this.process;
		if (current != null && current.isAlive()) {
			current.destroy();
			if (!awaitExit(current, STOP_TIMEOUT)) {
				current.destroyForcibly();
				awaitExit(current, STOP_TIMEOUT);
			}
		}
		shutdownRunner();
		releaseRunner();
	}

	/**
	 * Kills the server process with SIGKILL, as a crash would, and waits until it has exited.
	 * Messages that JetStream acknowledged before survive because they were written to the
	 * store; {@link #restart()} recovers them. Does nothing if the server is not running.
	 */
	public synchronized void kill() {
		ProcessHandle current = this.process;
		if (current != null && current.isAlive()) {
			current.destroyForcibly();
			awaitExit(current, STOP_TIMEOUT);
		}
		shutdownRunner();
		releaseRunner();
	}

	/**
	 * Stops the server if it is running and starts it again on the same ports with the same
	 * store directory, so JetStream data survives.
	 * @return this server
	 */
	public synchronized NatsServer restart() {
		stop();
		return start();
	}

	/**
	 * Tells whether the server process is alive.
	 * @return {@code true} while the process runs
	 */
	public synchronized boolean isRunning() {
		ProcessHandle current = this.process;
		return current != null && current.isAlive();
	}

	/**
	 * Stops the server and deletes its temporary working directory, including the JetStream
	 * store unless it was given with {@link Builder#storeDir(Path)}. The server cannot be
	 * started again.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		stop();
		FileTrees.deleteRecursively(this.workDir);
	}

	/**
	 * The process id of the running server.
	 * @return the process id, or {@code -1} when the server is not running
	 */
	synchronized long pid() {
		ProcessHandle current = this.process;
		return (current != null) ? current.pid() : -1;
	}

	/**
	 * Leaves the running server to its owner when the JVM exits, instead of killing it
	 * then.
	 */
	synchronized void releaseFromOrphanReaper() {
		ProcessHandle current = this.process;
		if (current != null) {
			OrphanReaper.release(current);
		}
	}

	/**
	 * The URL clients connect to: {@code nats://127.0.0.1:PORT}, or {@code tls://127.0.0.1:PORT}
	 * when TLS is configured.
	 * @return the client URL
	 */
	public String url() {
		return (this.tls ? "tls" : "nats") + "://" + LOOPBACK + ":" + port();
	}

	/**
	 * The {@code nats-server} executable this server runs.
	 * @return the executable
	 */
	public Path binary() {
		return this.binary;
	}

	/**
	 * The version of the {@code nats-server} executable this server runs, for tests of a
	 * feature that needs a given server: {@code server.version().isAtLeast("2.11")}.
	 * @return the server version
	 * @see NatsServerAssumptions
	 */
	public NatsServerVersion version() {
		return NatsServerBinary.version(this.binary);
	}

	/**
	 * The client port.
	 * @return the port number
	 */
	public int port() {
		return this.config.port();
	}

	/**
	 * The base URL of the HTTP monitoring endpoints, for example to read {@code /jsz} or
	 * {@code /varz}.
	 * @return {@code http://127.0.0.1:HTTPPORT}
	 * @throws IllegalStateException if monitoring is disabled
	 */
	public String monitoringUrl() {
		if (this.config.monitoringPort() <= 0) {
			throw new IllegalStateException("Monitoring is disabled for this server");
		}
		return "http://" + LOOPBACK + ":" + this.config.monitoringPort();
	}

	/**
	 * Reads one monitoring endpoint, for example {@code monitoring("/jsz")} or
	 * {@code monitoring("/connz?subs=1")}.
	 * @param path the endpoint path, starting with {@code /}
	 * @return the JSON document returned by the server
	 * @throws IllegalStateException if monitoring is disabled
	 * @throws UncheckedIOException if the request fails
	 */
	public String monitoring(String path) {
		return MonitoringEndpoint.get(monitoringUrl() + path);
	}

	/**
	 * Tells whether JetStream is enabled in the generated configuration.
	 * @return {@code true} when JetStream is enabled
	 */
	public boolean jetStreamEnabled() {
		return this.config.storeDir() != null;
	}

	/**
	 * The cluster (route) port.
	 * @return the port number, or {@code 0} when the server is not part of a cluster
	 */
	public int clusterPort() {
		return this.config.clusterPort();
	}

	/**
	 * The {@code server_name}.
	 * @return the configured name, or {@code null} when the server uses its generated id
	 */
	public @Nullable String serverName() {
		return this.config.serverName();
	}

	/**
	 * The JetStream store directory (the server keeps its data in a {@code jetstream}
	 * sub-directory).
	 * @return the store directory
	 */
	public Path storeDir() {
		return this.storeDir;
	}

	/**
	 * The generated configuration file. {@link NatsServerRunner} starts the process with an
	 * identical copy of it.
	 * @return the configuration file
	 */
	public Path configFile() {
		return this.configFile;
	}

	/**
	 * The server's log file. Restarts append to it.
	 * @return the log file
	 */
	public Path logFile() {
		return this.config.logFile();
	}

	/**
	 * The temporary working directory of this server, deleted by {@link #close()}.
	 * @return the working directory
	 */
	public Path workDir() {
		return this.workDir;
	}

	@Override
	public String toString() {
		String name = serverName();
		return "NatsServer[" + ((name != null) ? name + " " : "") + url() + (isRunning() ? "" : " (stopped)") + "]";
	}

	private void shutdownRunner() {
		ProcessHandle started = this.process;
		if (started != null) {
			OrphanReaper.release(started);
		}
		NatsServerRunner current = this.runner;
		if (current != null) {
			try {
				current.shutdown(true);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.process = null;
	}

	private void releaseRunner() {
		NatsServerRunner current = this.runner;
		if (current != null) {
			String copy = current.getConfigFile();
			if (copy != null) {
				try {
					Files.deleteIfExists(Path.of(copy));
				}
				catch (IOException ex) {
					// A leftover temporary file is harmless.
				}
			}
		}
		this.runner = null;
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not watch nats-server process " + process.pid(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for nats-server to exit", ex);
		}
	}

	/**
	 * Configures a {@link NatsServer}. Every setting has a default suitable for tests.
	 */
	public static final class Builder {

		private boolean jetStream = true;

		private int port;

		private @Nullable Path storeDir;

		private @Nullable String serverName;

		private final List<String> extraConfig = new ArrayList<>();

		private @Nullable TestCertificates tls;

		private boolean verifyClients;

		private boolean monitoring = true;

		private @Nullable String clusterName;

		private int clusterPort;

		private final List<String> routes = new ArrayList<>();

		private Duration startupTimeout = Duration.ofSeconds(30);

		private @Nullable Path binary;

		private Builder() {
		}

		/**
		 * Enables or disables JetStream; enabled by default.
		 * @param jetStream whether JetStream is enabled
		 * @return this builder
		 */
		public Builder jetStream(boolean jetStream) {
			this.jetStream = jetStream;
			return this;
		}

		/**
		 * Sets the client port; by default a free port is chosen when the server is built.
		 * @param port the port number, or {@code 0} for a free port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the JetStream store directory. A directory given here is kept when the server is
		 * closed; by default a directory inside the server's temporary working directory is used
		 * and deleted on close.
		 * @param storeDir the store directory
		 * @return this builder
		 */
		public Builder storeDir(Path storeDir) {
			this.storeDir = storeDir;
			return this;
		}

		/**
		 * Sets the {@code server_name}, required for JetStream clusters.
		 * @param serverName the server name
		 * @return this builder
		 */
		public Builder serverName(String serverName) {
			this.serverName = serverName;
			return this;
		}

		/**
		 * Appends raw configuration text to the generated configuration, for example an
		 * {@code authorization {}} or {@code accounts {}} block, or the {@code operator} and
		 * {@code resolver} lines of {@link NatsOperatorFixture#serverConfig()}. May be called
		 * several times. Do not set {@code host}, {@code port}, {@code http}, {@code pid_file},
		 * {@code log_file}, {@code jetstream} or {@code cluster} here: the generated part owns
		 * them.
		 * @param config configuration text in nats-server syntax
		 * @return this builder
		 */
		public Builder config(String config) {
			this.extraConfig.add(config);
			return this;
		}

		/**
		 * Enables TLS on the client port with the server certificate and key of the given
		 * certificates; {@link NatsServer#url()} then starts with {@code tls://}.
		 * @param certificates the certificates to use
		 * @return this builder
		 */
		public Builder tls(TestCertificates certificates) {
			this.tls = certificates;
			this.verifyClients = false;
			return this;
		}

		/**
		 * Enables mutual TLS on the client port: like {@link #tls(TestCertificates)}, and the
		 * server also requires a client certificate signed by the certificates' CA
		 * ({@link TestCertificates#clientCertificate()}).
		 * @param certificates the certificates to use
		 * @return this builder
		 */
		public Builder mutualTls(TestCertificates certificates) {
			this.tls = certificates;
			this.verifyClients = true;
			return this;
		}

		/**
		 * Enables or disables the HTTP monitoring port; enabled (on a free port) by default.
		 * @param monitoring whether monitoring is enabled
		 * @return this builder
		 */
		public Builder monitoring(boolean monitoring) {
			this.monitoring = monitoring;
			return this;
		}

		/**
		 * Makes the server a cluster member with the given cluster name.
		 * @param clusterName the cluster name shared by all members
		 * @return this builder
		 */
		public Builder clusterName(String clusterName) {
			this.clusterName = clusterName;
			return this;
		}

		/**
		 * Sets the cluster (route) port; by default a free port is chosen when a cluster name is
		 * set.
		 * @param clusterPort the port number
		 * @return this builder
		 */
		public Builder clusterPort(int clusterPort) {
			this.clusterPort = clusterPort;
			return this;
		}

		/**
		 * Sets the routes to the other cluster members.
		 * @param routes route URLs such as {@code nats-route://127.0.0.1:6222}
		 * @return this builder
		 */
		public Builder routes(List<String> routes) {
			this.routes.clear();
			this.routes.addAll(routes);
			return this;
		}

		/**
		 * Sets how long {@link NatsServer#start()} waits for the server; 30 seconds by default.
		 * @param startupTimeout the maximum startup time
		 * @return this builder
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
			return this;
		}

		/**
		 * Sets the {@code nats-server} executable, for a test that needs a given server version;
		 * by default {@link NatsServerBinary#locate()} finds it.
		 * @param binary the executable
		 * @return this builder
		 */
		public Builder binary(Path binary) {
			this.binary = binary;
			return this;
		}

		/**
		 * Creates the server without starting it. Ports and the working directory are fixed
		 * now.
		 * @return the new, stopped server
		 */
		public NatsServer build() {
			return new NatsServer(this);
		}

		/**
		 * Creates and starts the server.
		 * @return the running server
		 */
		public NatsServer start() {
			NatsServer server = build();
			try {
				return server.start();
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
		}

	}

}

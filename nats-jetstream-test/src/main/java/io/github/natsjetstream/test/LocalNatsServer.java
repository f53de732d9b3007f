package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A NATS server for running an application during development: the server the application
 * is configured with when one is reachable there, otherwise a local one that this object
 * starts and {@link #close() stops}. The local one is a {@code nats-server} process when the
 * binary is found (as {@link NatsServerBinary} finds it for tests), else a Testcontainers
 * NATS container when Testcontainers and Docker are there. Its JetStream store lives in a
 * directory that survives restarts of the application, {@link #defaultDirectory()} unless
 * given; a server that an application which ended left running there is stopped at the
 * next start, and one that a running application started is shared with it.
 *
 * <p>Spring Boot applications use it through {@link LocalNatsServerConfiguration}; without
 * Spring:
 *
 * <pre class="code">
 * try (LocalNatsServer nats = LocalNatsServer.start(List.of("nats://localhost:4222"),
 *         LocalNatsServer.defaultDirectory())) {
 *     Connection connection = Nats.connect(String.join(",", nats.servers()));
 *     // ...
 * }
 * </pre>
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see LocalNatsServerConfiguration
 */
public final class LocalNatsServer implements AutoCloseable {

	/** The server an application connects to when it configures none, as the starter does. */
	public static final String DEFAULT_SERVER = "nats://localhost:4222";

	private static final System.Logger LOGGER = System.getLogger(LocalNatsServer.class.getName());

	private static final String SERVER_NAME = "local-nats-server";

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration CLOSE_GRACE = Duration.ofSeconds(60);

	private final List<String> servers;

	private final Path directory;

	private final @Nullable Runnable stop;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final @Nullable Thread shutdownHook;

	private LocalNatsServer(List<String> servers, Path directory, @Nullable Runnable stop) {
		this.servers = List.copyOf(servers);
		this.directory = directory;
		this.stop = stop;
		this.shutdownHook = (stop != null) ? new Thread(this::closeAtExit, "local-nats-server-shutdown") : null;
		if (this.shutdownHook != null) {
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
	}

	/**
	 * Returns the configured servers when one of them is reachable, otherwise starts a local
	 * server that keeps its store in the given directory.
	 * @param configuredServers the server URLs the application is configured with; when
	 * empty, {@value #DEFAULT_SERVER}
	 * @param directory the directory of the local server's store, created when missing
	 * @return the server to use; {@link #close()} stops the one it started, if any
	 * @throws IllegalStateException if no server is reachable and none can be started; the
	 * message says how to install {@code nats-server}
	 */
	public static LocalNatsServer start(List<String> configuredServers, Path directory) {
		return start(configuredServers, directory, LocalNatsServer::whyNoContainer);
	}

	/**
	 * Like {@link #start(List, Path)}, asking the given check whether a container can be
	 * started (for tests).
	 * @param configuredServers the configured server URLs
	 * @param directory the directory of the local server's store
	 * @param whyNoContainer tells why no container can be started, or {@code null} when one
	 * can
	 * @return the server to use
	 */
	static LocalNatsServer start(List<String> configuredServers, Path directory,
			Supplier<@Nullable String> whyNoContainer) {
		List<String> configured = configuredServers.isEmpty() ? List.of(DEFAULT_SERVER)
				: List.copyOf(configuredServers);
		ServerAddresses addresses = ServerAddresses.of(configured);
		if (addresses.anyReachable()) {
			LOGGER.log(Level.INFO, () -> "Using the NATS server at " + addresses);
			return new LocalNatsServer(configured, directory, null);
		}
		createDirectories(directory);
		LocalNatsServer shared = shareOrStopPrevious(directory);
		if (shared != null) {
			return shared;
		}
		Path binary;
		try {
			binary = NatsServerBinary.locate();
		}
		catch (IllegalStateException ex) {
			String reason = whyNoContainer.get();
			if (reason == null) {
				return startContainer(addresses, directory);
			}
			throw new IllegalStateException("No NATS server is reachable at " + addresses
					+ " (nats.servers) and none can be started here. " + ex.getMessage() + " " + reason + ".", ex);
		}
		return startServer(binary, addresses, directory);
	}

	/**
	 * The directory the local server keeps its store in by default:
	 * {@code target/local-nats-server} in the working directory, or
	 * {@code build/local-nats-server} in a Gradle project.
	 * @return the default directory, relative to the working directory
	 */
	public static Path defaultDirectory() {
		boolean gradle = !Files.exists(Path.of("pom.xml"))
				&& (Files.exists(Path.of("build.gradle")) || Files.exists(Path.of("build.gradle.kts")));
		return Path.of(gradle ? "build" : "target", SERVER_NAME);
	}

	/**
	 * The URLs the application connects to: the configured ones, or that of the local
	 * server.
	 * @return the server URLs
	 */
	public List<String> servers() {
		return this.servers;
	}

	/**
	 * Tells whether this object started the server it stands for, and stops it on
	 * {@link #close()}.
	 * @return {@code true} when it started a local server
	 */
	public boolean isStarted() {
		return this.stop != null;
	}

	/**
	 * The directory of the local server's store.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Stops the local server this object started, if any; its store stays for the next
	 * start. When the JVM exits without this call, the server is stopped a minute after the
	 * exit began, which leaves the application's own shutdown (in Spring, closing the
	 * context that closes this object) the time to close its connections first.
	 */
	@Override
	public void close() {
		stopOnce();
		Thread hook = this.shutdownHook;
		if (hook != null && Thread.currentThread() != hook) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// The JVM is exiting; the hook finds the server stopped.
			}
		}
	}

	private synchronized void stopOnce() {
		if (this.closed.getCount() == 0) {
			return;
		}
		try {
			if (this.stop != null) {
				this.stop.run();
				LOGGER.log(Level.INFO, () -> "Stopped the local NATS server at " + String.join(",", this.servers));
			}
		}
		finally {
			this.closed.countDown();
		}
	}

	private void closeAtExit() {
		try {
			this.closed.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		stopOnce();
	}

	@Override
	public String toString() {
		return "LocalNatsServer[" + String.join(",", this.servers) + (isStarted() ? ", started" : "") + "]";
	}

	private static LocalNatsServer startServer(Path binary, ServerAddresses addresses, Path directory) {
		NatsServer server = NatsServer.builder()
			.binary(OwnSession.launcher(binary, directory))
			.port(addresses.localPort())
			.serverName(SERVER_NAME)
			.storeDir(directory.resolve("store"))
			.start();
		// Not killed at exit like a test's server: the shutdown hook stops it once the
		// application has closed its connections.
		server.releaseFromOrphanReaper();
		new LocalServerRecord(server.pid(), ProcessHandle.current().pid(), server.url()).write(directory);
		LOGGER.log(Level.INFO, () -> "No NATS server at " + addresses + "; started nats-server " + server.version()
				+ " at " + server.url() + " (store: " + server.storeDir().toAbsolutePath() + ", monitoring: "
				+ server.monitoringUrl() + "); it stops with the application");
		return new LocalNatsServer(List.of(server.url()), directory, () -> {
			server.close();
			LocalServerRecord.delete(directory);
		});
	}

	private static LocalNatsServer startContainer(ServerAddresses addresses, Path directory) {
		LocalNatsContainer.Started container = LocalNatsContainer.start(directory.resolve("store"));
		LOGGER.log(Level.INFO, () -> "No NATS server at " + addresses + " and no nats-server binary; started "
				+ container.image() + " in Docker at " + container.url() + " (store: "
				+ directory.resolve("store").toAbsolutePath() + "); it stops with the application");
		return new LocalNatsServer(List.of(container.url()), directory, container.stop());
	}

	private static @Nullable LocalNatsServer shareOrStopPrevious(Path directory) {
		LocalServerRecord previous = LocalServerRecord.read(directory).orElse(null);
		if (previous == null) {
			return null;
		}
		ProcessHandle running = previous.runningServer();
		if (running != null) {
			if (previous.ownerRunning() && ServerAddresses.of(List.of(previous.url())).anyReachable()) {
				LOGGER.log(Level.INFO, () -> "Using the local NATS server at " + previous.url()
						+ ", which the running process " + previous.ownerPid() + " started in " + directory);
				return new LocalNatsServer(List.of(previous.url()), directory, null);
			}
			LOGGER.log(Level.WARNING, () -> "Stopping nats-server process " + running.pid()
					+ ", which an application that has ended left running in " + directory);
			stop(running);
		}
		LocalServerRecord.delete(directory);
		return null;
	}

	private static void stop(ProcessHandle process) {
		process.destroy();
		if (!awaitExit(process)) {
			process.destroyForcibly();
			awaitExit(process);
		}
	}

	private static boolean awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException | ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static @Nullable String whyNoContainer() {
		try {
			Class.forName("org.testcontainers.DockerClientFactory", false, LocalNatsServer.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return "With Docker, add org.testcontainers:testcontainers to the test classpath to run a NATS container "
					+ "instead";
		}
		return LocalNatsContainer.dockerAvailable() ? null
				: "Docker, which could run a NATS container instead, is not available either";
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the local NATS server's directory " + directory, ex);
		}
	}

}

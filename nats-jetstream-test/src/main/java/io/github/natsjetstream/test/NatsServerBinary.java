package io.github.natsjetstream.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Locates the {@code nats-server} executable used by {@link NatsServer} and tells its version.
 *
 * <p>The lookup order is:
 * <ol>
 * <li>the system property {@value #SYSTEM_PROPERTY};</li>
 * <li>the environment variable {@value #ENVIRONMENT_VARIABLE};</li>
 * <li>the project cache: {@code .nats-server/current/nats-server} in the working directory or
 * the nearest parent directory that has one (filled by the project's
 * {@code scripts/fetch-nats-server});</li>
 * <li>every directory of the {@code PATH} environment variable;</li>
 * <li>{@code /usr/sbin/nats-server} and {@code /usr/local/bin/nats-server}.</li>
 * </ol>
 * An explicitly configured location (system property or environment variable) that does not
 * point to an executable file is an error; it is never silently skipped. The first time a
 * binary is used, its path, version and where it was found are logged.
 */
public final class NatsServerBinary {

	/** System property that names the {@code nats-server} executable. */
	public static final String SYSTEM_PROPERTY = "nats.server.binary";

	/** Environment variable that names the {@code nats-server} executable. */
	public static final String ENVIRONMENT_VARIABLE = "NATS_SERVER_BINARY";

	/** The project cache's {@code nats-server}, relative to a directory of the project. */
	public static final Path PROJECT_CACHE = Path.of(".nats-server", "current", "nats-server");

	private static final String EXECUTABLE_NAME = "nats-server";

	private static final List<Path> WELL_KNOWN_LOCATIONS = List.of(Path.of("/usr/sbin/nats-server"),
			Path.of("/usr/local/bin/nats-server"));

	private static final String INSTALL_HINT = "Install nats-server (Debian/Ubuntu: 'apt-get install -y nats-server', "
			+ "macOS: 'brew install nats-server') or point to the executable with the environment variable "
			+ ENVIRONMENT_VARIABLE + "=/path/to/nats-server or the system property -D" + SYSTEM_PROPERTY
			+ "=/path/to/nats-server.";

	private static final long VERSION_TIMEOUT_SECONDS = 30;

	private static final System.Logger LOGGER = System.getLogger(NatsServer.class.getName());

	private static final Map<Path, NatsServerVersion> VERSIONS = new ConcurrentHashMap<>();

	private static final Set<Path> ANNOUNCED = ConcurrentHashMap.newKeySet();

	private NatsServerBinary() {
	}

	/**
	 * Locates the {@code nats-server} executable from the system properties, environment and
	 * working directory of this JVM.
	 * @return the path of an executable {@code nats-server}
	 * @throws IllegalStateException if no executable can be found; the message says how to
	 * install one
	 */
	public static Path locate() {
		Located located = find(System::getProperty, System::getenv, Path.of(System.getProperty("user.dir", ".")));
		announce(located.path(), located.source());
		return located.path();
	}

	/**
	 * Locates the {@code nats-server} executable from the given lookups (for tests).
	 * @param systemProperties looks up a system property by name
	 * @param environment looks up an environment variable by name
	 * @param workingDirectory the directory where the search of the project cache starts
	 * @return the path of an executable {@code nats-server}
	 */
	static Path locate(Function<String, @Nullable String> systemProperties,
			Function<String, @Nullable String> environment, Path workingDirectory) {
		return find(systemProperties, environment, workingDirectory).path();
	}

	/**
	 * The version of a {@code nats-server} executable, as its {@code --version} option prints
	 * it. Read once per executable and JVM.
	 * @param binary the executable
	 * @return its version
	 * @throws IllegalStateException if the executable does not print a version
	 */
	public static NatsServerVersion version(Path binary) {
		return VERSIONS.computeIfAbsent(binary.toAbsolutePath(), NatsServerBinary::readVersion);
	}

	/**
	 * Logs, the first time only, which executable the tests run and its version.
	 * @param binary the executable
	 * @param source where it was found, for example {@code "the project cache"}
	 */
	static void announce(Path binary, String source) {
		if (ANNOUNCED.add(binary.toAbsolutePath())) {
			LOGGER.log(Level.INFO, () -> "Using nats-server " + version(binary) + " at " + binary + " (from "
					+ source + ")");
		}
	}

	/**
	 * Registers an executable that runs the given binary (a launcher script), so that it
	 * has the binary's version and is not announced on its own.
	 * @param launcher the launcher
	 * @param binary the binary it runs
	 */
	static void alias(Path launcher, Path binary) {
		VERSIONS.put(launcher.toAbsolutePath(), version(binary));
		ANNOUNCED.add(launcher.toAbsolutePath());
	}

	private static Located find(Function<String, @Nullable String> systemProperties,
			Function<String, @Nullable String> environment, Path workingDirectory) {
		String configured = systemProperties.apply(SYSTEM_PROPERTY);
		if (hasText(configured)) {
			String source = "system property " + SYSTEM_PROPERTY;
			return new Located(requireExecutable(Path.of(configured), source), source);
		}
		configured = environment.apply(ENVIRONMENT_VARIABLE);
		if (hasText(configured)) {
			String source = "environment variable " + ENVIRONMENT_VARIABLE;
			return new Located(requireExecutable(Path.of(configured), source), source);
		}
		for (Path directory = workingDirectory.toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path cached = directory.resolve(PROJECT_CACHE);
			if (isExecutable(cached)) {
				return new Located(cached, "the project cache, filled by scripts/fetch-nats-server");
			}
		}
		List<Path> candidates = new ArrayList<>();
		String pathVariable = environment.apply("PATH");
		if (hasText(pathVariable)) {
			for (String directory : pathVariable.split(File.pathSeparator)) {
				if (!directory.isBlank()) {
					candidates.add(Path.of(directory, executableFileName()));
				}
			}
		}
		candidates.addAll(WELL_KNOWN_LOCATIONS);
		for (Path candidate : candidates) {
			if (isExecutable(candidate)) {
				return new Located(candidate.toAbsolutePath(), "the PATH or a well-known location");
			}
		}
		throw new IllegalStateException("Could not find the nats-server executable on the PATH nor in "
				+ WELL_KNOWN_LOCATIONS + ". " + INSTALL_HINT);
	}

	private static NatsServerVersion readVersion(Path binary) {
		String output;
		try {
			Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
			}
			if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("'" + binary + " --version' did not finish within "
						+ VERSION_TIMEOUT_SECONDS + " seconds");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run '" + binary + " --version'", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running '" + binary + " --version'", ex);
		}
		return parseVersionOutput(binary, output);
	}

	/**
	 * Reads the version from what {@code nats-server --version} prints, for example
	 * {@code nats-server: v2.15.1}.
	 * @param binary the executable, for the error message
	 * @param output what it printed
	 * @return the version
	 * @throws IllegalStateException if the output holds no version
	 */
	static NatsServerVersion parseVersionOutput(Path binary, String output) {
		String firstLine = output.lines().findFirst().orElse("").trim();
		String version = firstLine.startsWith(EXECUTABLE_NAME + ":")
				? firstLine.substring(EXECUTABLE_NAME.length() + 1).trim() : firstLine;
		try {
			return NatsServerVersion.parse(version);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("'" + binary + " --version' printed no version such as "
					+ "'nats-server: v2.15.1' but '" + output + "'", ex);
		}
	}

	private static Path requireExecutable(Path path, String source) {
		if (!isExecutable(path)) {
			throw new IllegalStateException("The nats-server executable '" + path + "' configured by the " + source
					+ " does not exist or is not executable. " + INSTALL_HINT);
		}
		return path.toAbsolutePath();
	}

	private static boolean isExecutable(Path path) {
		return Files.isRegularFile(path) && Files.isExecutable(path);
	}

	private static String executableFileName() {
		boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
		return windows ? EXECUTABLE_NAME + ".exe" : EXECUTABLE_NAME;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private record Located(Path path, String source) {
	}

}

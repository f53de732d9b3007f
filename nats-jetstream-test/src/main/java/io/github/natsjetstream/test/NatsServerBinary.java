package io.github.natsjetstream.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Locates the {@code nats-server} executable used by {@link NatsServer}.
 *
 * <p>The lookup order is:
 * <ol>
 * <li>the system property {@value #SYSTEM_PROPERTY};</li>
 * <li>the environment variable {@value #ENVIRONMENT_VARIABLE};</li>
 * <li>every directory of the {@code PATH} environment variable;</li>
 * <li>{@code /usr/sbin/nats-server} and {@code /usr/local/bin/nats-server}.</li>
 * </ol>
 * An explicitly configured location (system property or environment variable) that does not
 * point to an executable file is an error; it is never silently skipped.
 */
public final class NatsServerBinary {

	/** System property that names the {@code nats-server} executable. */
	public static final String SYSTEM_PROPERTY = "nats.server.binary";

	/** Environment variable that names the {@code nats-server} executable. */
	public static final String ENVIRONMENT_VARIABLE = "NATS_SERVER_BINARY";

	private static final String EXECUTABLE_NAME = "nats-server";

	private static final List<Path> WELL_KNOWN_LOCATIONS = List.of(Path.of("/usr/sbin/nats-server"),
			Path.of("/usr/local/bin/nats-server"));

	private static final String INSTALL_HINT = "Install nats-server (Debian/Ubuntu: 'apt-get install -y nats-server', "
			+ "macOS: 'brew install nats-server') or point to the executable with the environment variable "
			+ ENVIRONMENT_VARIABLE + "=/path/to/nats-server or the system property -D" + SYSTEM_PROPERTY
			+ "=/path/to/nats-server.";

	private NatsServerBinary() {
	}

	/**
	 * Locates the {@code nats-server} executable from the system properties and environment of
	 * this JVM.
	 * @return the path of an executable {@code nats-server}
	 * @throws IllegalStateException if no executable can be found; the message says how to
	 * install one
	 */
	public static Path locate() {
		return locate(System::getProperty, System::getenv);
	}

	/**
	 * Locates the {@code nats-server} executable from the given lookups (for tests).
	 * @param systemProperties looks up a system property by name
	 * @param environment looks up an environment variable by name
	 * @return the path of an executable {@code nats-server}
	 */
	static Path locate(Function<String, @Nullable String> systemProperties, Function<String, @Nullable String> environment) {
		String configured = systemProperties.apply(SYSTEM_PROPERTY);
		if (hasText(configured)) {
			return requireExecutable(Path.of(configured), "system property " + SYSTEM_PROPERTY);
		}
		configured = environment.apply(ENVIRONMENT_VARIABLE);
		if (hasText(configured)) {
			return requireExecutable(Path.of(configured), "environment variable " + ENVIRONMENT_VARIABLE);
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
				return candidate.toAbsolutePath();
			}
		}
		throw new IllegalStateException("Could not find the nats-server executable on the PATH nor in "
				+ WELL_KNOWN_LOCATIONS + ". " + INSTALL_HINT);
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

}

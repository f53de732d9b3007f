package io.github.natsjetstream.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts the {@code nats-server} of a {@link LocalNatsServer} in a session of its own. Ctrl-C
 * in a terminal signals every process of the terminal's process group, the children of the
 * application included: a {@code nats-server} there would stop at once, before the
 * application has closed its connection. In a session of its own, only the application gets
 * the signal, and stops the server after its other beans.
 *
 * <p>Needs the {@code setsid} command (util-linux); where there is none (macOS), the binary
 * runs as it is.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class OwnSession {

	private static final String LAUNCHER_NAME = "nats-server-own-session.sh";

	private OwnSession() {
	}

	/**
	 * Returns a script that runs the binary in a session of its own, written into the
	 * given directory, or the binary itself when there is no {@code setsid} command.
	 * @param binary the {@code nats-server} executable
	 * @param directory where to write the script
	 * @return the executable to launch
	 */
	static Path launcher(Path binary, Path directory) {
		Optional<Path> setsid = setsid();
		if (setsid.isEmpty()) {
			return binary;
		}
		Path script = directory.resolve(LAUNCHER_NAME);
		// The JVM's children lead no process group, so setsid execs in place: the
		// process keeps its id and its arguments name the configuration file.
		String text = "#!/bin/sh\nexec " + quote(setsid.get()) + " " + quote(binary.toAbsolutePath()) + " \"$@\"\n";
		try {
			Files.writeString(script, text);
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
			NatsServerBinary.alias(script, binary);
			return script;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + script, ex);
		}
		catch (UnsupportedOperationException ex) {
			return binary;
		}
	}

	private static Optional<Path> setsid() {
		String path = System.getenv("PATH");
		if (path == null || !Files.exists(Path.of("/bin/sh"))) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry, "setsid"))
			.filter((candidate) -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
			.findFirst();
	}

	private static String quote(Path path) {
		return "'" + path.toString().replace("'", "'\\''") + "'";
	}

}

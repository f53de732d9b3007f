package io.github.natsjetstream.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Where the documentation is, and the check that a generated part of it is current.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class DocsFiles {

	/** The system property that makes the checks write what they generate. */
	static final String UPDATE_PROPERTY = "docs.update";

	private DocsFiles() {
	}

	/**
	 * The root of the repository: the nearest directory, from the working directory up,
	 * that holds {@code docs/} and {@code mvnw}.
	 * @return the repository root
	 */
	static Path repositoryRoot() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			if (Files.isDirectory(directory.resolve("docs")) && Files.isRegularFile(directory.resolve("mvnw"))) {
				return directory;
			}
		}
		throw new IllegalStateException("No repository root (with docs/ and mvnw) above " + Path.of("").toAbsolutePath());
	}

	/**
	 * The {@code src/main/java} directories of the repository's modules.
	 * @return the source roots
	 */
	static List<Path> mainSourceRoots() {
		try (Stream<Path> modules = Files.list(repositoryRoot())) {
			return modules.map((module) -> module.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks that a file has the generated text, or writes it there when the system
	 * property {@value #UPDATE_PROPERTY} is {@code true}.
	 * @param file the file
	 * @param generated the text it should have
	 * @param source what to edit instead of the file, for the failure message
	 * @param regenerate the command that regenerates it, for the failure message
	 */
	static void assertUpToDate(Path file, String generated, String source, String regenerate) {
		try {
			String current = Files.exists(file) ? Files.readString(file) : "";
			if (current.equals(generated)) {
				return;
			}
			if (Boolean.getBoolean(UPDATE_PROPERTY)) {
				Files.writeString(file, generated);
				return;
			}
			fail(repositoryRoot().relativize(file) + " is not what the build generates from " + source + " ("
					+ firstDifference(current, generated) + "). Edit " + source + ", not the page; regenerate it with\n  "
					+ regenerate + "\nand commit it.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String firstDifference(String current, String generated) {
		List<String> currentLines = current.lines().toList();
		List<String> generatedLines = generated.lines().toList();
		for (int i = 0; i < Math.max(currentLines.size(), generatedLines.size()); i++) {
			String currentLine = (i < currentLines.size()) ? currentLines.get(i) : "<end of file>";
			String generatedLine = (i < generatedLines.size()) ? generatedLines.get(i) : "<end of file>";
			if (!currentLine.equals(generatedLine)) {
				return "line " + (i + 1) + " is\n  " + currentLine + "\nbut should be\n  " + generatedLine + "\n";
			}
		}
		return "line endings differ";
	}

}

package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Creates and deletes the temporary directories of test servers.
 */
final class FileTrees {

	private FileTrees() {
	}

	/**
	 * Creates a new temporary directory.
	 * @param prefix prefix of the directory name
	 * @return the new directory
	 */
	static Path createTempDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory", ex);
		}
	}

	/**
	 * Deletes a directory and everything in it; a missing directory is ignored.
	 * @param root the directory to delete
	 */
	static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + root, ex);
		}
	}

}

package io.github.natsjetstream.reliability.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one line per event to the instance's record file, each with one {@code write}
 * system call: a line is in the operating system's hands before the handler returns, so
 * killing the process (even with SIGKILL) cannot lose it. No {@code fsync}: the machine
 * itself is not switched off in these tests. The file stays open until the process ends, so
 * that a handler still running during shutdown can record its message.
 * <p>
 * Lines: {@code S <id> <instance> <start>} when a handler starts on a message and
 * {@code E <id> <instance> <start> <end>} when it has handled it, times in epoch
 * milliseconds.
 */
public class HandledRecorder {

	private final String instance;

	private final FileChannel channel;

	HandledRecorder(String instance, Path file) {
		this.instance = instance;
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open " + file, ex);
		}
	}

	void started(long id, long start) {
		write("S " + id + " " + this.instance + " " + start + "\n");
	}

	void handled(long id, long start, long end) {
		write("E " + id + " " + this.instance + " " + start + " " + end + "\n");
	}

	private synchronized void write(String line) {
		ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
		try {
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

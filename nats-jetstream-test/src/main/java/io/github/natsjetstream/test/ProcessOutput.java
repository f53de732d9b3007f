package io.github.natsjetstream.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.nats.Output;

/**
 * Receives what {@link io.nats.NatsServerRunner} reports and what the {@code nats-server}
 * process prints on its standard streams (configuration errors, mostly: the regular log goes to
 * the server's {@code log_file}). Keeps the most recent lines for error messages and passes
 * everything to {@link java.util.logging} at {@link Level#FINE}.
 */
final class ProcessOutput implements Output {

	private static final int MAX_LINES = 200;

	private static final Logger LOGGER = Logger.getLogger(NatsServer.class.getName());

	private final Deque<String> lines = new ArrayDeque<>();

	/**
	 * Most recent lines, oldest first.
	 * @return a copy of the retained lines
	 */
	synchronized List<String> lines() {
		return new ArrayList<>(this.lines);
	}

	/**
	 * Forgets all retained lines, before a restart.
	 */
	synchronized void clear() {
		this.lines.clear();
	}

	private synchronized void record(Level level, String line) {
		if (this.lines.size() == MAX_LINES) {
			this.lines.removeFirst();
		}
		this.lines.addLast(line);
		LOGGER.log(level, line);
	}

	@Override
	public void setLevel(Level level) {
		// The level is fixed: nothing is printed above FINE unless the runner reports an error.
	}

	@Override
	public void error(Supplier<String> msgSupplier) {
		record(Level.WARNING, msgSupplier.get());
	}

	@Override
	public void error(String msg) {
		record(Level.WARNING, msg);
	}

	@Override
	public void warning(Supplier<String> msgSupplier) {
		record(Level.WARNING, msgSupplier.get());
	}

	@Override
	public void warning(String msg) {
		record(Level.WARNING, msg);
	}

	@Override
	public void info(Supplier<String> msgSupplier) {
		record(Level.FINE, msgSupplier.get());
	}

	@Override
	public void info(String msg) {
		record(Level.FINE, msg);
	}

	@Override
	public boolean isLogger() {
		return false;
	}

	@Override
	public Logger getLogger() {
		return LOGGER;
	}

}

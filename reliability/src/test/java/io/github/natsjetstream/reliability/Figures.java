package io.github.natsjetstream.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one scenario run: printed as one line, and written to
 * {@code target/figures/<scenario>-<server version>.json} for the table of
 * {@code docs/reliability.md}.
 *
 * @param scenario the scenario's name
 * @param server the nats-server version
 * @param messages the messages published (and acknowledged)
 * @param handled the distinct messages handled
 * @param lost the acknowledged messages never handled
 * @param duplicates the handlings of a message handled before
 * @param deadLetters the messages in the dead-letter stream
 * @param resumeMillis the time to resume after the fault, as the scenario defines it, or
 * -1 when the scenario has no fault
 * @param details what else the scenario measured, by name
 */
record Figures(String scenario, String server, int messages, int handled, int lost, int duplicates, long deadLetters,
		long resumeMillis, Map<String, Object> details) {

	static final Path DIRECTORY = Path.of("target", "figures");

	/**
	 * Print the figures as one line and write them as JSON.
	 * @return these figures
	 */
	Figures report() {
		System.out.println(line());
		try {
			Files.createDirectories(DIRECTORY);
			Files.writeString(DIRECTORY.resolve(this.scenario + "-" + this.server + ".json"), json());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	String line() {
		return "FIGURES " + this.scenario + " nats-server " + this.server + ": messages=" + this.messages
				+ " handled=" + this.handled + " lost=" + this.lost + " duplicates=" + this.duplicates
				+ " dead-letters=" + this.deadLetters + " resume=" + ((this.resumeMillis < 0) ? "-" : this.resumeMillis + "ms")
				+ this.details.entrySet()
					.stream()
					.map((entry) -> " " + entry.getKey() + "=" + entry.getValue())
					.collect(Collectors.joining());
	}

	String json() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("scenario", this.scenario);
		fields.put("server", this.server);
		fields.put("suite", Suite.name());
		fields.put("messages", this.messages);
		fields.put("handled", this.handled);
		fields.put("lost", this.lost);
		fields.put("duplicates", this.duplicates);
		fields.put("deadLetters", this.deadLetters);
		fields.put("resumeMillis", this.resumeMillis);
		fields.put("details", this.details);
		fields.put("recordedAt", Instant.now().toString());
		fields.put("loadAverage", loadAverage());
		return toJson(fields) + "\n";
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String toJson(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((entry) -> toJson(entry.getKey().toString()) + ": " + toJson(entry.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof Iterable<?> items) {
			StringBuilder json = new StringBuilder("[");
			for (Object item : items) {
				json.append((json.length() > 1) ? ", " : "").append(toJson(item));
			}
			return json.append("]").toString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}

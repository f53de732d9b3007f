package io.github.natsjetstream.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of figures of {@code docs/reliability.md}, rendered from the JSON that
 * {@link Figures#report()} writes for each scenario and server: one row per scenario and
 * server, scenarios in their order, the newest server first. Pure logic; reading the files
 * and writing the document are {@link ReliabilityFiguresTests}'s.
 */
final class FiguresTable {

	static final String BEGIN = "<!-- figures-table:begin (generated from reliability/target/figures by ReliabilityFiguresTests) -->";

	static final String END = "<!-- figures-table:end -->";

	static final String HEADER = "| Scenario | nats-server | Messages | Handled | Lost | Duplicates | Dead letters | Time to resume | Notes |";

	static final String SEPARATOR = "|---|---|---|---|---|---|---|---|---|";

	/** The title of each scenario in the table, by its name in the figures, in table order. */
	static final Map<String, String> SCENARIOS = scenarios();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What the notes say, in this order, from the details that a scenario reports. */
	private static final List<Function<JsonNode, String>> NOTES = List.of(
			(details) -> has(details, "serverDownMillis") ? "server down " + details.get("serverDownMillis").asLong() + " ms"
					: null,
			(details) -> has(details, "electionMillis") ? "new leader after " + seconds(details.get("electionMillis"))
					: null,
			FiguresTable::connectedNode,
			(details) -> has(details, "stopMillis") ? "stopped in " + seconds(details.get("stopMillis")) : null,
			(details) -> has(details, "handledTwiceWhileBothRan")
					? "handled twice while both ran: " + count(details.get("handledTwiceWhileBothRan")) : null,
			(details) -> has(details, "handledConcurrently")
					? "by two workers at once: " + count(details.get("handledConcurrently")) : null,
			(details) -> has(details, "rssAtReadyMb") ? "RSS " + details.get("rssAtReadyMb").asLong()
					+ " MB when ready, at most " + details.get("rssMaxMb").asLong() + " MB" : null,
			(details) -> has(details, "messagesPerSecond") ? count(details.get("messagesPerSecond")) + " msg/s" : null,
			(details) -> has(details, "resumeFromKillMillis") ? "per kill: " + secondsList(details.get("resumeFromKillMillis"))
					+ " (startup " + secondsList(details.get("replacementStartupMillis")) + ")" : null,
			(details) -> (has(details, "republished") && details.get("republished").asLong() > 0)
					? count(details.get("republished")) + " publishes sent again" : null);

	private FiguresTable() {
	}

	/**
	 * Render the table, markers included.
	 * @param figures the JSON documents of the figures, one per scenario and server
	 * @return the table
	 */
	static String render(Collection<String> figures) {
		StringBuilder table = new StringBuilder(BEGIN).append('\n').append(HEADER).append('\n').append(SEPARATOR).append('\n');
		rows(figures).forEach((row) -> table.append(row).append('\n'));
		return table.append(END).append('\n').toString();
	}

	/**
	 * Render the rows of the table, in table order.
	 * @param figures the JSON documents of the figures, one per scenario and server
	 * @return the rows
	 * @throws IllegalArgumentException for figures of a scenario the table does not know
	 */
	static List<String> rows(Collection<String> figures) {
		List<String> scenarios = List.copyOf(SCENARIOS.keySet());
		return figures.stream()
			.map(JSON::readTree)
			.sorted(Comparator.<JsonNode>comparingInt((json) -> scenarios.indexOf(json.path("scenario").asString()))
				.thenComparing((json) -> json.path("server").asString(), FiguresTable::newestFirst))
			.map(FiguresTable::row)
			.toList();
	}

	/**
	 * Return the rows of the table in a document.
	 * @param document the document, with the markers
	 * @return the rows, header and separator left out
	 */
	static List<String> rowsIn(String document) {
		return between(document).lines().filter((line) -> line.startsWith("| ") && !line.equals(HEADER)).toList();
	}

	/**
	 * Replace the table in a document.
	 * @param document the document, with the markers
	 * @param table the table, markers included
	 * @return the document with the table replaced
	 * @throws IllegalStateException when the document has no markers
	 */
	static String replace(String document, String table) {
		between(document);
		String after = document.substring(document.indexOf(END) + END.length());
		return document.substring(0, document.indexOf(BEGIN)) + table + (after.startsWith("\n") ? after.substring(1) : after);
	}

	/**
	 * Read the figures that the scenarios wrote.
	 * @param directory the directory of the figures
	 * @return the JSON documents, by file name
	 */
	static List<String> read(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().map((file) -> {
				try {
					return Files.readString(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the servers of each scenario in the rows of a table.
	 * @param rows the rows, as {@link #rowsIn(String)} returns them
	 * @return the servers, by scenario number
	 */
	static Map<String, Set<String>> serversOfRows(List<String> rows) {
		Map<String, Set<String>> servers = new TreeMap<>();
		for (String row : rows) {
			String[] cells = row.split(" \\| ");
			servers.computeIfAbsent(cells[0].substring(2).split(" ")[0], (number) -> new TreeSet<>()).add(cells[1]);
		}
		return servers;
	}

	/**
	 * Return the servers of each scenario in figures.
	 * @param figures the JSON documents of the figures
	 * @return the servers, by scenario number
	 */
	static Map<String, Set<String>> serversOfFigures(Collection<String> figures) {
		Map<String, Set<String>> servers = new TreeMap<>();
		for (String each : figures) {
			JsonNode json = JSON.readTree(each);
			servers.computeIfAbsent(number(json.path("scenario").asString()), (number) -> new TreeSet<>())
				.add(json.path("server").asString());
		}
		return servers;
	}

	/**
	 * Return the numbers of the scenarios the table shows.
	 * @return the numbers, in table order
	 */
	static List<String> scenarioNumbers() {
		return SCENARIOS.keySet().stream().map(FiguresTable::number).toList();
	}

	/**
	 * Return the name of the suite the figures come from.
	 * @param figures the JSON document of the figures
	 * @return {@code fast} or {@code full}
	 */
	static String suite(String figures) {
		return JSON.readTree(figures).path("suite").asString();
	}

	private static String row(JsonNode json) {
		long resume = json.path("resumeMillis").asLong();
		List<String> cells = List.of(title(json), json.path("server").asString(), count(json.get("messages")),
				count(json.get("handled")), count(json.get("lost")), count(json.get("duplicates")),
				count(json.get("deadLetters")), (resume < 0) ? "—" : seconds(resume), notes(json.path("details")));
		return cells.stream().collect(Collectors.joining(" | ", "| ", " |"));
	}

	private static String title(JsonNode json) {
		String scenario = json.path("scenario").asString();
		String title = SCENARIOS.get(scenario);
		if (title == null) {
			throw new IllegalArgumentException("No title for scenario '" + scenario + "': add it to FiguresTable.SCENARIOS");
		}
		return number(scenario) + " " + title.formatted(count(json.get("messages")));
	}

	private static String number(String scenario) {
		return scenario.substring(0, scenario.indexOf('-'));
	}

	private static String notes(JsonNode details) {
		return NOTES.stream().map((note) -> note.apply(details)).filter(Objects::nonNull).collect(Collectors.joining("; "));
	}

	private static String connectedNode(JsonNode details) {
		if (!has(details, "killedConnectedNode")) {
			return null;
		}
		return details.get("killedConnectedNode").asBoolean()
				? "the application's node: reconnected after " + seconds(details.get("reconnectMillis"))
				: "not the application's node";
	}

	private static boolean has(JsonNode details, String name) {
		return details.hasNonNull(name);
	}

	private static String count(JsonNode number) {
		return String.format(Locale.ROOT, "%,d", number.asLong());
	}

	private static String seconds(JsonNode millis) {
		return seconds(millis.asLong());
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	private static String secondsList(JsonNode millis) {
		return StreamSupport.stream(millis.spliterator(), false)
			.map(FiguresTable::seconds)
			.collect(Collectors.joining(", "));
	}

	private static int newestFirst(String server, String other) {
		int[] left = version(server);
		int[] right = version(other);
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			if (left[i] != right[i]) {
				return Integer.compare(right[i], left[i]);
			}
		}
		return Integer.compare(right.length, left.length);
	}

	private static int[] version(String server) {
		return Stream.of(server.split("[.-]")).filter((part) -> part.matches("\\d+")).mapToInt(Integer::parseInt).toArray();
	}

	private static String between(String document) {
		int begin = document.indexOf(BEGIN);
		int end = document.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalStateException("No figures table markers (" + BEGIN + " ... " + END + ")");
		}
		return document.substring(begin + BEGIN.length(), end);
	}

	private static Map<String, String> scenarios() {
		Map<String, String> scenarios = new LinkedHashMap<>();
		scenarios.put("1-server-restart", "server graceful restart");
		scenarios.put("2-server-kill", "server SIGKILL, same store");
		scenarios.put("3-leader-kill", "R3 stream leader SIGKILL, the application's node");
		scenarios.put("4-application-stop", "application SIGTERM beside a second instance");
		scenarios.put("5-overload", "overload, %s queued");
		scenarios.put("6-application-kill", "application SIGKILL ×5");
		return Collections.unmodifiableMap(scenarios);
	}

}

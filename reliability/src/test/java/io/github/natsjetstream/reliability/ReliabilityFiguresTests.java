package io.github.natsjetstream.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of figures in {@code docs/reliability.md}. A normal build checks only that it
 * has a row for every scenario on every server, since measured figures differ from run to
 * run. Run with {@code -D}{@value #UPDATE_PROPERTY}{@code =true} after the full suite, it
 * first rewrites the table from the figures the scenarios wrote ({@link FiguresTable}).
 */
class ReliabilityFiguresTests {

	static final String UPDATE_PROPERTY = "docs.update";

	static final String FULL_SUITE = "./mvnw -B -P reliability -pl reliability -am verify";

	static final String REGENERATE = "./mvnw -B -pl reliability -am verify -Dtest=ReliabilityFiguresTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dnats.server.oldest.skip=true -D" + UPDATE_PROPERTY + "=true";

	private static final Path DOCUMENT = Path.of("..", "docs", "reliability.md");

	@Test
	void figuresTableHasARowForEveryScenarioOnEveryServer() throws IOException {
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			update();
		}
		Map<String, Set<String>> servers = FiguresTable.serversOfRows(FiguresTable.rowsIn(Files.readString(DOCUMENT)));
		assertThat(servers).as("scenarios of the figures table of %s", DOCUMENT.normalize())
			.containsOnlyKeys(FiguresTable.scenarioNumbers());
		assertThat(servers.values().stream().distinct().toList())
			.as("servers of each scenario in the figures table of %s (every scenario on the current server and the "
					+ "oldest supported): %s", DOCUMENT.normalize(), servers)
			.singleElement()
			.satisfies((each) -> assertThat(each).hasSizeGreaterThanOrEqualTo(2));
	}

	private static void update() throws IOException {
		Path directory = Figures.DIRECTORY.toAbsolutePath().normalize();
		List<String> figures = FiguresTable.read(Figures.DIRECTORY);
		assertThat(figures.stream().map(FiguresTable::suite).distinct().toList())
			.as("suites of the figures in %s: the table shows the full suite's; run %s, then %s", directory, FULL_SUITE,
					REGENERATE)
			.containsExactly("full");
		Map<String, Set<String>> servers = FiguresTable.serversOfFigures(figures);
		assertThat(servers).as("scenarios of the figures in %s", directory)
			.containsOnlyKeys(FiguresTable.scenarioNumbers());
		assertThat(servers.values().stream().distinct().toList())
			.as("servers of each scenario in %s: %s", directory, servers)
			.hasSize(1);
		String document = Files.readString(DOCUMENT);
		Files.writeString(DOCUMENT, FiguresTable.replace(document, FiguresTable.render(figures)));
	}

}

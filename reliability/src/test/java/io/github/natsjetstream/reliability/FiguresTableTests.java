package io.github.natsjetstream.reliability;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Rendering the figures table of {@code docs/reliability.md}: JSON figures in, rows out.
 */
class FiguresTableTests {

	@Test
	void rowOfAServerFaultSaysHowLongTheServerWasDown() {
		assertThat(FiguresTable.rows(List.of(figures("1-server-restart", "2.15.1", 20_000, 26, 2_149,
				"\"serverDownMillis\": 74, \"republished\": 0"))))
			.containsExactly("| 1 server graceful restart | 2.15.1 | 20,000 | 20,000 | 0 | 26 | 0 | 2.1 s | server down 74 ms |");
	}

	@Test
	void rowOfALeaderLossSaysWhetherTheApplicationLostItsNodeAndWhatWasSentAgain() {
		assertThat(FiguresTable.rows(List.of(
				figures("3-leader-kill", "2.9.10", 20_000, 3, 5_700, "\"killedLeader\": \"n2\", \"electionMillis\": 8321, "
						+ "\"killedConnectedNode\": true, \"reconnectMillis\": 2140, \"republished\": 7556"),
				figures("3-leader-kill", "2.15.1", 20_000, 296, 6_100, "\"killedLeader\": \"n1\", \"electionMillis\": 6200, "
						+ "\"killedConnectedNode\": false, \"reconnectMillis\": -1, \"republished\": 0"))))
			.containsExactly(
					"| 3 R3 stream leader SIGKILL, the application's node | 2.15.1 | 20,000 | 20,000 | 0 | 296 | 0 | 6.1 s "
							+ "| new leader after 6.2 s; not the application's node |",
					"| 3 R3 stream leader SIGKILL, the application's node | 2.9.10 | 20,000 | 20,000 | 0 | 3 | 0 | 5.7 s "
							+ "| new leader after 8.3 s; the application's node: reconnected after 2.1 s; "
							+ "7,556 publishes sent again |");
	}

	@Test
	void rowOfAnApplicationStopHasNoTimeToResume() {
		assertThat(FiguresTable.rows(List.of(figures("4-application-stop", "2.15.1", 2_000, 0, -1,
				"\"stopMillis\": 1234, \"inHandAtStop\": 3, \"handledTwiceWhileBothRan\": 0, \"handledConcurrently\": 0"))))
			.containsExactly("| 4 application SIGTERM beside a second instance | 2.15.1 | 2,000 | 2,000 | 0 | 0 | 0 | — "
					+ "| stopped in 1.2 s; handled twice while both ran: 0; by two workers at once: 0 |");
	}

	@Test
	void rowOfTheOverloadSaysItsMessagesResidentMemoryAndThroughput() {
		assertThat(FiguresTable.rows(List.of(figures("5-overload", "2.9.10", 200_000, 0, -1,
				"\"rssAtReadyMb\": 128, \"rssMaxMb\": 208, \"rssLastMb\": 190, \"rssSamples\": 12, "
						+ "\"heapMax\": \"256m\", \"messagesPerSecond\": 46533"))))
			.containsExactly("| 5 overload, 200,000 queued | 2.9.10 | 200,000 | 200,000 | 0 | 0 | 0 | — "
					+ "| RSS 128 MB when ready, at most 208 MB; 46,533 msg/s |");
	}

	@Test
	void rowOfApplicationKillsListsEachKill() {
		assertThat(FiguresTable.rows(List.of(figures("6-application-kill", "2.15.1", 50_000, 0, 20_210,
				"\"seed\": 42, \"killedAtHandlings\": [1, 2, 3], \"resumeFromKillMillis\": [1900, 20210, 3700], "
						+ "\"replacementStartupMillis\": [2000, 1710, 3800]"))))
			.containsExactly("| 6 application SIGKILL ×5 | 2.15.1 | 50,000 | 50,000 | 0 | 0 | 0 | 20.2 s "
					+ "| per kill: 1.9 s, 20.2 s, 3.7 s (startup 2.0 s, 1.7 s, 3.8 s) |");
	}

	@Test
	void rowsComeInScenarioOrderNewestServerFirst() {
		List<String> rows = FiguresTable.rows(List.of(figures("2-server-kill", "2.9.10", 10, 0, 1, ""),
				figures("1-server-restart", "2.9.10", 10, 0, 1, ""), figures("2-server-kill", "2.15.1", 10, 0, 1, ""),
				figures("1-server-restart", "2.10.0", 10, 0, 1, "")));
		assertThat(rows).extracting((row) -> row.substring(0, row.indexOf(" | 10 |")))
			.containsExactly("| 1 server graceful restart | 2.10.0", "| 1 server graceful restart | 2.9.10",
					"| 2 server SIGKILL, same store | 2.15.1", "| 2 server SIGKILL, same store | 2.9.10");
	}

	@Test
	void figuresOfAnUnknownScenarioAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FiguresTable.rows(List.of(figures("7-network-partition", "2.15.1", 10, 0, 1, ""))))
			.withMessageContaining("7-network-partition");
	}

	@Test
	void tableReplacesWhatIsBetweenTheMarkersOnly() {
		String document = "# Figures\n\nBefore.\n\n" + FiguresTable.BEGIN + "\n| old | row |\n" + FiguresTable.END
				+ "\n\nAfter.\n";
		String table = FiguresTable.render(List.of(figures("1-server-restart", "2.15.1", 10, 0, 1_000, "")));
		String replaced = FiguresTable.replace(document, table);
		assertThat(replaced).isEqualTo("# Figures\n\nBefore.\n\n" + FiguresTable.BEGIN + "\n" + FiguresTable.HEADER + "\n"
				+ FiguresTable.SEPARATOR + "\n| 1 server graceful restart | 2.15.1 | 10 | 10 | 0 | 0 | 0 | 1.0 s |  |\n"
				+ FiguresTable.END + "\n\nAfter.\n");
		assertThat(FiguresTable.rowsIn(replaced))
			.containsExactly("| 1 server graceful restart | 2.15.1 | 10 | 10 | 0 | 0 | 0 | 1.0 s |  |");
		assertThat(FiguresTable.serversOfRows(FiguresTable.rowsIn(replaced))).containsOnlyKeys("1");
	}

	@Test
	void documentWithoutMarkersIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> FiguresTable.replace("# Figures\n", "table"))
			.withMessageContaining(FiguresTable.BEGIN);
	}

	private static String figures(String scenario, String server, int messages, int duplicates, long resumeMillis,
			String details) {
		return new Figures(scenario, server, messages, messages, 0, duplicates, 0, resumeMillis, Map.of())
			.json()
			.replace("\"details\": {}", "\"details\": {" + details + "}");
	}

}

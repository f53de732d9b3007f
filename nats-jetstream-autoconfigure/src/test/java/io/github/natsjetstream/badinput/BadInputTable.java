package io.github.natsjetstream.badinput;

import java.util.List;

/**
 * The table of bad inputs in {@code docs/reliability.md}, written from
 * {@link BadInputCases}: what the user wrote, where, what the error says and the way out.
 */
final class BadInputTable {

	static final String BEGIN = "<!-- bad-input-table:begin (generated from BadInputCases by BadInputTableTests) -->";

	static final String END = "<!-- bad-input-table:end -->";

	private BadInputTable() {
	}

	/**
	 * Write the table, markers included.
	 * @param badInputs the bad inputs
	 * @return the Markdown text
	 */
	static String markdown(List<BadInput> badInputs) {
		StringBuilder table = new StringBuilder();
		table.append(BEGIN).append('\n');
		table.append("| # | Input | Where | The error says (excerpt) | Way out (excerpt) |\n");
		table.append("|---|---|---|---|---|\n");
		int number = 0;
		for (BadInput badInput : badInputs) {
			table.append("| ")
				.append(++number)
				.append(" | ")
				.append(code(badInput.input()))
				.append(" | ")
				.append(badInput.where() + ((badInput.serverBelow() != null) ? " (nats-server < "
						+ badInput.serverBelow() + ")" : ""))
				.append(" | ")
				.append(code(badInput.message()))
				.append(" | ")
				.append(code(badInput.wayOut()))
				.append(" |\n");
		}
		table.append(END).append('\n');
		return table.toString();
	}

	/**
	 * Replace the table in a document.
	 * @param document the document, with the markers
	 * @param table the table, markers included
	 * @return the document with the table replaced
	 * @throws IllegalStateException when the document has no markers
	 */
	static String replace(String document, String table) {
		int begin = document.indexOf(BEGIN);
		int end = document.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalStateException("No bad-input table markers (" + BEGIN + " ... " + END + ")");
		}
		String after = document.substring(end + END.length());
		return document.substring(0, begin) + table + (after.startsWith("\n") ? after.substring(1) : after);
	}

	private static String code(String text) {
		return "`" + text.replace("|", "\\|") + "`";
	}

}

package io.github.natsjetstream.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input table of {@code docs/reliability.md} is the one {@link BadInputCases}
 * gives. When it is stale, run this test with {@code -Dbad-input.write-table=true} to
 * rewrite it.
 */
class BadInputTableTests {

	private static final Path DOCUMENT = Path.of("..", "docs", "reliability.md");

	@Test
	void reliabilityDocumentHasTheTableOfEveryBadInput() throws IOException {
		String document = Files.readString(DOCUMENT);
		String current = BadInputTable.replace(document, BadInputTable.markdown(BadInputCases.all()));
		if (Boolean.getBoolean("bad-input.write-table") && !current.equals(document)) {
			Files.writeString(DOCUMENT, current);
			document = current;
		}
		assertThat(document).as("the bad-input table of %s is stale: run BadInputTableTests with "
				+ "-Dbad-input.write-table=true", DOCUMENT.normalize()).isEqualTo(current);
	}

	@Test
	void projectHasAtLeastFortyBadInputs() {
		assertThat(BadInputCases.all()).hasSizeGreaterThanOrEqualTo(40);
	}

}

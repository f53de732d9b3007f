package io.github.natsjetstream.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that every Java sample of the documentation is compiled code: each {@code java}
 * block of {@code docs/*.md} and {@code README.md} is a copy of a sample under
 * {@link DocsSamples#ROOT}, which the test compilation compiles.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class DocsSamplesTests {

	static final String REGENERATE = "./mvnw -B -q -pl nats-jetstream-autoconfigure -am verify "
			+ "-Dtest=DocsSamplesTests -Dsurefire.failIfNoSpecifiedTests=false -Dnats.server.oldest.skip=true -D"
			+ DocsFiles.UPDATE_PROPERTY + "=true";

	private final DocsSamples samples = new DocsSamples(DocsFiles.repositoryRoot());

	@Test
	void everyJavaBlockOfThePagesIsACompiledSample() {
		List<String> problems = new ArrayList<>();
		for (Path page : this.samples.pages()) {
			problems.addAll(this.samples.render(page).problems());
		}
		assertThat(problems).as("Java blocks that are not compiled samples").isEmpty();
	}

	@Test
	void pagesShowTheirSamplesAsTheyAre() {
		for (Path page : this.samples.pages()) {
			DocsSamples.Rendered rendered = this.samples.render(page);
			if (rendered.problems().isEmpty()) {
				DocsFiles.assertUpToDate(page, rendered.text(), "the samples in " + DocsSamples.ROOT, REGENERATE);
			}
		}
	}

	@Test
	void everyTaggedRegionOfTheSamplesIsShown() {
		Set<String> shown = new LinkedHashSet<>();
		for (Path page : this.samples.pages()) {
			shown.addAll(this.samples.render(page).shown());
		}
		assertThat(shown).as("Samples the pages show").isNotEmpty();
		Set<String> unused = new LinkedHashSet<>(this.samples.taggedRegions());
		unused.removeAll(shown);
		assertThat(unused).as("Tagged regions of " + DocsSamples.ROOT + " that no page shows").isEmpty();
	}

}

package io.github.natsjetstream.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code samples of the documentation pages. A line {@code <!-- sample: PATH -->} or
 * {@code <!-- sample: PATH#TAG -->} right above a fenced code block makes the block a copy
 * of a file under {@link #ROOT} (from its first line after the package and imports) or of
 * the region of that file between {@code // tag::TAG[]} and {@code // end::TAG[]}, with
 * the common indentation removed. Every {@code java} block needs such a line, so that every
 * Java sample of the documentation is compiled code.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class DocsSamples {

	/** Where the samples are, relative to the repository root. */
	static final Path ROOT = Path.of("nats-jetstream-autoconfigure/src/test/java/io/github/natsjetstream/docs/samples");

	private static final Pattern MARKER = Pattern.compile("\\s*<!-- sample: ([^#\\s]+)(?:#(\\S+))? -->\\s*");

	private static final Pattern FENCE = Pattern.compile("(\\s*)```(\\w*)\\s*");

	private static final Pattern TAG_LINE = Pattern.compile("\\s*// (?:tag|end)::[\\w-]+\\[]\\s*");

	private final Path repositoryRoot;

	DocsSamples(Path repositoryRoot) {
		this.repositoryRoot = repositoryRoot;
	}

	/**
	 * The pages whose samples are checked: every {@code docs/*.md} and {@code README.md}.
	 * @return the pages
	 */
	List<Path> pages() {
		try (Stream<Path> docs = Files.list(this.repositoryRoot.resolve("docs"))) {
			List<Path> pages = new ArrayList<>(docs.filter((file) -> file.toString().endsWith(".md")).sorted().toList());
			pages.add(this.repositoryRoot.resolve("README.md"));
			return pages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every sample file and tag a page may show, as {@code PATH} and {@code PATH#TAG}.
	 * @return the tagged regions of the sample files
	 */
	Set<String> taggedRegions() {
		Path root = this.repositoryRoot.resolve(ROOT);
		Set<String> regions = new LinkedHashSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				String path = root.relativize(file).toString().replace('\\', '/');
				Matcher tag = Pattern.compile("(?m)^\\s*// tag::([\\w-]+)\\[]\\s*$").matcher(Files.readString(file));
				while (tag.find()) {
					regions.add(path + "#" + tag.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return regions;
	}

	/**
	 * Renders a page with its samples copied in.
	 * @param page the page
	 * @return the page as it should be, the samples it shows, and what is wrong with it
	 */
	Rendered render(Path page) {
		List<String> lines;
		try {
			lines = Files.readAllLines(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String name = this.repositoryRoot.relativize(page).toString();
		StringBuilder text = new StringBuilder();
		Set<String> shown = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			text.append(line).append('\n');
			Matcher fence = FENCE.matcher(line);
			if (!fence.matches() || fence.group(2).isEmpty()) {
				continue;
			}
			int end = closingFence(lines, i + 1);
			Matcher marker = (i > 0) ? MARKER.matcher(lines.get(i - 1)) : null;
			if (marker == null || !marker.matches()) {
				if (fence.group(2).equals("java")) {
					problems.add(name + ":" + (i + 1) + ": a java block with no '<!-- sample: PATH#TAG -->' line above "
							+ "it. Put the code in " + ROOT + "/ and name it there.");
				}
				copy(lines, i + 1, end, text);
			}
			else {
				String region = marker.group(1) + ((marker.group(2) != null) ? "#" + marker.group(2) : "");
				shown.add(region);
				List<String> sample = sample(marker.group(1), marker.group(2), name + ":" + i, problems);
				if (sample == null) {
					copy(lines, i + 1, end, text);
				}
				else {
					sample.forEach((sampleLine) -> text
						.append(sampleLine.isEmpty() ? "" : fence.group(1) + sampleLine)
						.append('\n'));
				}
			}
			if (end < lines.size()) {
				text.append(lines.get(end)).append('\n');
			}
			i = end;
		}
		return new Rendered(text.toString(), shown, problems);
	}

	private static int closingFence(List<String> lines, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (lines.get(i).trim().equals("```")) {
				return i;
			}
		}
		return lines.size();
	}

	private static void copy(List<String> lines, int from, int to, StringBuilder text) {
		for (int i = from; i < to; i++) {
			text.append(lines.get(i)).append('\n');
		}
	}

	private List<String> sample(String path, String tag, String where, List<String> problems) {
		Path file = this.repositoryRoot.resolve(ROOT).resolve(path);
		if (!Files.isRegularFile(file)) {
			problems.add(where + ": no sample " + ROOT + "/" + path);
			return null;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int from;
		int to;
		if (tag == null) {
			from = 0;
			while (from < lines.size() && (lines.get(from).isBlank() || lines.get(from).startsWith("package ")
					|| lines.get(from).startsWith("import "))) {
				from++;
			}
			to = lines.size();
		}
		else {
			from = lines.stream().map(String::trim).toList().indexOf("// tag::" + tag + "[]") + 1;
			to = lines.stream().map(String::trim).toList().indexOf("// end::" + tag + "[]");
			if (from == 0 || to < from) {
				problems.add(where + ": " + ROOT + "/" + path + " has no region '// tag::" + tag + "[]' to '// end::"
						+ tag + "[]'");
				return null;
			}
		}
		List<String> region = lines.subList(from, to)
			.stream()
			.filter((line) -> !TAG_LINE.matcher(line).matches())
			.toList();
		while (!region.isEmpty() && region.get(region.size() - 1).isBlank()) {
			region = region.subList(0, region.size() - 1);
		}
		return dedent(region);
	}

	private static List<String> dedent(List<String> lines) {
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return lines.stream().map((line) -> line.isBlank() ? "" : line.substring(indent)).toList();
	}

	/**
	 * A page with its samples copied in.
	 *
	 * @param text the text the page should have
	 * @param shown the samples it shows, as {@code PATH} or {@code PATH#TAG}
	 * @param problems what is wrong with it, by page and line
	 */
	record Rendered(String text, Set<String> shown, List<String> problems) {

	}

}

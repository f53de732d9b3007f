package io.github.natsjetstream.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;

/**
 * The javadoc of fields and constructor parameters, read from the sources of the main
 * source set with the compiler's parser: the descriptions of bindable properties that the
 * configuration processor does not reach (the values of map-valued properties).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class SourceJavadoc {

	private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}");

	private static final Pattern PARAM_TAG = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=\\n\\s*@|\\z)",
			Pattern.DOTALL);

	private static final String CLASS = "<class>";

	private final List<Path> sourceRoots;

	private final Map<String, Map<String, String>> comments = new HashMap<>();

	SourceJavadoc(List<Path> sourceRoots) {
		this.sourceRoots = sourceRoots;
	}

	/**
	 * The description of a field, as the configuration processor writes it: the first
	 * part of its javadoc, inline tags reduced to their text, on one line.
	 * @param type the class that declares the field
	 * @param field the field name
	 * @return the description, empty when the field has no javadoc
	 */
	String fieldDescription(Class<?> type, String field) {
		String comment = commentsOf(type).getOrDefault(field, "");
		return clean(mainDescription(comment));
	}

	/**
	 * The description of a constructor parameter, from the {@code @param} tags of the
	 * constructor with the given parameter names, written like a property description
	 * ("Number of ..." for "the number of ...").
	 * @param type the class that declares the constructor
	 * @param parameters the constructor's parameter names, in order
	 * @param parameter the parameter
	 * @return the description, empty when the parameter has no {@code @param} tag
	 */
	String parameterDescription(Class<?> type, List<String> parameters, String parameter) {
		Map<String, String> comments = commentsOf(type);
		String constructor = comments.get("<init>(" + String.join(",", parameters) + ")");
		// A record's canonical constructor may be implicit: its parameters are documented
		// on the record.
		String comment = (constructor != null) ? constructor : comments.getOrDefault(CLASS, "");
		Matcher matcher = PARAM_TAG.matcher(comment);
		while (matcher.find()) {
			if (matcher.group(1).equals(parameter)) {
				return asPropertyDescription(clean(matcher.group(2)));
			}
		}
		return "";
	}

	private static String mainDescription(String comment) {
		Matcher blockTag = Pattern.compile("(?m)^\\s*@").matcher(comment);
		return blockTag.find() ? comment.substring(0, blockTag.start()) : comment;
	}

	private static String clean(String text) {
		String withoutTags = INLINE_TAG.matcher(text).replaceAll((match) -> {
			String content = match.group(1).trim();
			int space = content.indexOf(' ');
			return Matcher.quoteReplacement(
					(space > 0 && !match.group().startsWith("{@code")) ? content.substring(space + 1) : content);
		});
		return withoutTags.replaceAll("\\s+", " ").trim();
	}

	private static String asPropertyDescription(String text) {
		if (text.isEmpty()) {
			return text;
		}
		String withoutArticle = text.startsWith("the ") ? text.substring(4) : text;
		String sentence = Character.toUpperCase(withoutArticle.charAt(0)) + withoutArticle.substring(1);
		return sentence.endsWith(".") ? sentence : sentence + ".";
	}

	private Map<String, String> commentsOf(Class<?> type) {
		Class<?> topLevel = type;
		while (topLevel.getEnclosingClass() != null) {
			topLevel = topLevel.getEnclosingClass();
		}
		if (!this.comments.containsKey(topLevel.getName())) {
			parse(topLevel);
		}
		return this.comments.getOrDefault(type.getName(), Map.of());
	}

	private void parse(Class<?> topLevel) {
		String file = topLevel.getName().replace('.', '/') + ".java";
		Path source = this.sourceRoots.stream()
			.map((root) -> root.resolve(file))
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + file + " in " + this.sourceRoots));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
			Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source);
			JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null, units);
			DocTrees trees = DocTrees.instance(task);
			for (CompilationUnitTree unit : task.parse()) {
				new CommentCollector(trees, unit.getPackageName().toString()).scan(unit, null);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.comments.putIfAbsent(topLevel.getName(), Map.of());
	}

	/**
	 * Collects the javadoc of the fields and constructors of every class of a file, by
	 * the binary name of the class.
	 */
	private final class CommentCollector extends TreePathScanner<Void, Void> {

		private final DocTrees trees;

		private final Deque<String> classNames = new ArrayDeque<>();

		CommentCollector(DocTrees trees, String packageName) {
			this.trees = trees;
			this.classNames.push(packageName);
		}

		@Override
		public Void visitClass(ClassTree tree, Void unused) {
			String outer = this.classNames.peek();
			String separator = (this.classNames.size() == 1) ? "." : "$";
			this.classNames.push(outer + separator + tree.getSimpleName());
			record(CLASS);
			try {
				return super.visitClass(tree, unused);
			}
			finally {
				this.classNames.pop();
			}
		}

		@Override
		public Void visitVariable(VariableTree tree, Void unused) {
			if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
				record(tree.getName().toString());
			}
			return null;
		}

		@Override
		public Void visitMethod(MethodTree tree, Void unused) {
			if (tree.getName().contentEquals("<init>")) {
				List<String> parameters = tree.getParameters()
					.stream()
					.map((parameter) -> parameter.getName().toString())
					.toList();
				record("<init>(" + String.join(",", parameters) + ")");
			}
			return null;
		}

		private void record(String member) {
			String comment = this.trees.getDocComment(getCurrentPath());
			if (comment != null) {
				SourceJavadoc.this.comments.computeIfAbsent(this.classNames.peek(), (name) -> new HashMap<>())
					.put(member, comment);
			}
		}

	}

}

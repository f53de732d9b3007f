package io.github.natsjetstream.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Routes subjects to targets by subject pattern, choosing the most specific pattern that
 * matches: patterns are compared token by token from the left, a literal token beating
 * {@code *} and {@code *} beating {@code >}. Lookups walk a token tree once, in the order
 * literal, {@code *}, {@code >}, so the first complete match is the most specific one; no
 * list of routes is searched per subject. The targets of the first few thousand subjects
 * are remembered, so a recurring subject costs one map lookup.
 *
 * @param <T> the type of the targets
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class SubjectRouter<T> {

	/**
	 * How many subjects the router remembers the target of.
	 */
	private static final int CACHE_SIZE = 4096;

	private final Node<T> root;

	private final ConcurrentMap<String, Optional<T>> cache = new ConcurrentHashMap<>();

	private SubjectRouter(Node<T> root) {
		this.root = root;
	}

	/**
	 * Start building a router.
	 * @param <T> the type of the targets
	 * @return a new builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * Return the target of the most specific pattern matching the subject.
	 * @param subject a subject, without wildcards
	 * @return the target, or {@code null} when no pattern matches
	 */
	public @Nullable T route(String subject) {
		Optional<T> cached = this.cache.get(subject);
		if (cached != null) {
			return cached.orElse(null);
		}
		T target = match(this.root, subject, 0);
		if (this.cache.size() < CACHE_SIZE) {
			this.cache.put(subject, Optional.ofNullable(target));
		}
		return target;
	}

	private static <T> @Nullable T match(Node<T> node, String subject, int from) {
		int dot = subject.indexOf('.', from);
		boolean lastToken = dot < 0;
		if (!node.literals.isEmpty()) {
			Node<T> literal = node.literals.get(subject.substring(from, lastToken ? subject.length() : dot));
			if (literal != null) {
				T target = lastToken ? literal.target : match(literal, subject, dot + 1);
				if (target != null) {
					return target;
				}
			}
		}
		if (node.anyToken != null) {
			T target = lastToken ? node.anyToken.target : match(node.anyToken, subject, dot + 1);
			if (target != null) {
				return target;
			}
		}
		return node.rest;
	}

	/**
	 * A pattern and its target.
	 *
	 * @param <T> the type of the target
	 * @param pattern the subject pattern
	 * @param target the target
	 * @param description what the target is, for error messages (a method, say)
	 */
	private record Route<T>(String pattern, T target, String description) {
	}

	/**
	 * Builds a {@link SubjectRouter}, refusing two routes that would be equally specific
	 * for some subject.
	 *
	 * @param <T> the type of the targets
	 */
	public static final class Builder<T> {

		private final Node<T> root = new Node<>();

		private final Map<String, Route<T>> routesByPattern = new HashMap<>();

		private Builder() {
		}

		/**
		 * Add a route.
		 * @param pattern a valid subject pattern
		 * @param target the target of subjects the pattern matches
		 * @param description what the target is, for error messages
		 * @return this builder
		 * @throws AmbiguousRouteException when another target has the same pattern: two
		 * patterns matching the same subject are equally specific only when they are
		 * equal
		 */
		public Builder<T> route(String pattern, T target, String description) {
			Assert.hasText(pattern, "'pattern' must not be empty");
			Assert.notNull(target, "'target' must not be null");
			Route<T> route = new Route<>(pattern, target, description);
			Route<T> existing = this.routesByPattern.putIfAbsent(pattern, route);
			if (existing != null) {
				if (existing.target().equals(target)) {
					return this;
				}
				throw new AmbiguousRouteException(pattern, existing.description(), description);
			}
			insert(pattern, target);
			return this;
		}

		private void insert(String pattern, T target) {
			Node<T> node = this.root;
			String[] tokens = pattern.split("\\.", -1);
			for (int i = 0; i < tokens.length; i++) {
				String token = tokens[i];
				if (token.equals(">")) {
					node.rest = target;
					return;
				}
				node = token.equals("*") ? node.anyTokenNode() : node.literals.computeIfAbsent(token, (t) -> new Node<>());
			}
			node.target = target;
		}

		/**
		 * Build the router.
		 * @return the router
		 */
		public SubjectRouter<T> build() {
			return new SubjectRouter<>(this.root);
		}

	}

	private static final class Node<T> {

		private final Map<String, Node<T>> literals = new HashMap<>();

		private @Nullable Node<T> anyToken;

		private @Nullable T target;

		private @Nullable T rest;

		Node<T> anyTokenNode() {
			if (this.anyToken == null) {
				this.anyToken = new Node<>();
			}
			return this.anyToken;
		}

	}

}

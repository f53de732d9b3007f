package io.github.natsjetstream.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubjectRouterTests {

	private final SubjectRouter<String> router = SubjectRouter.<String>builder()
		.route("orders.created", "exact", "exact()")
		.route("orders.*", "star", "star()")
		.route("orders.>", "rest", "rest()")
		.route("orders.*.shipped", "starShipped", "starShipped()")
		.route("orders.eu.>", "euRest", "euRest()")
		.route("*.created", "anyCreated", "anyCreated()")
		.route(">", "catchAll", "catchAll()")
		.build();

	@Test
	void literalBeatsStar() {
		assertThat(this.router.route("orders.created")).isEqualTo("exact");
	}

	@Test
	void starBeatsRest() {
		assertThat(this.router.route("orders.updated")).isEqualTo("star");
	}

	@Test
	void restMatchesSeveralTokens() {
		assertThat(this.router.route("orders.us.paid")).isEqualTo("rest");
	}

	@Test
	void leftmostDifferenceDecides() {
		// orders.eu.> has a literal in the second token, orders.*.shipped a star
		assertThat(this.router.route("orders.eu.shipped")).isEqualTo("euRest");
		assertThat(this.router.route("orders.us.shipped")).isEqualTo("starShipped");
	}

	@Test
	void literalFirstTokenBeatsStarFirstToken() {
		assertThat(this.router.route("orders.created")).isEqualTo("exact");
		assertThat(this.router.route("invoices.created")).isEqualTo("anyCreated");
	}

	@Test
	void catchAllTakesTheRest() {
		assertThat(this.router.route("invoices.paid")).isEqualTo("catchAll");
		assertThat(this.router.route("single")).isEqualTo("catchAll");
	}

	@Test
	void backtracksWhenAMoreSpecificBranchDoesNotMatchToTheEnd() {
		SubjectRouter<String> router = SubjectRouter.<String>builder()
			.route("a.b.c", "abc", "abc()")
			.route("a.*.d", "starD", "starD()")
			.build();
		assertThat(router.route("a.b.d")).isEqualTo("starD");
		assertThat(router.route("a.b.c")).isEqualTo("abc");
		assertThat(router.route("a.b.e")).isNull();
	}

	@Test
	void restNeedsAtLeastOneToken() {
		SubjectRouter<String> router = SubjectRouter.<String>builder().route("orders.>", "rest", "rest()").build();
		assertThat(router.route("orders")).isNull();
		assertThat(router.route("orders.x")).isEqualTo("rest");
	}

	@Test
	void noRouteIsNull() {
		SubjectRouter<String> router = SubjectRouter.<String>builder().route("orders.*", "star", "star()").build();
		assertThat(router.route("orders.a.b")).isNull();
		assertThat(router.route("invoices.a")).isNull();
	}

	@Test
	void repeatedLookupsGiveTheSameAnswerIncludingNoRoute() {
		SubjectRouter<String> router = SubjectRouter.<String>builder().route("orders.*", "star", "star()").build();
		for (int i = 0; i < 3; i++) {
			assertThat(router.route("orders.created")).isEqualTo("star");
			assertThat(router.route("invoices.sent")).isNull();
		}
	}

	@Test
	void samePatternForTwoTargetsIsAmbiguousNamingBoth() {
		assertThatExceptionOfType(AmbiguousRouteException.class)
			.isThrownBy(() -> SubjectRouter.<String>builder()
				.route("orders.*", "one", "Handlers.one(Order)")
				.route("orders.*", "two", "Handlers.two(Order)"))
			.withMessageContaining("Handlers.one(Order)")
			.withMessageContaining("Handlers.two(Order)")
			.withMessageContaining("orders.*");
	}

	@Test
	void samePatternTwiceForOneTargetIsFine() {
		SubjectRouter<String> router = SubjectRouter.<String>builder()
			.route("orders.*", "one", "one()")
			.route("orders.*", "one", "one()")
			.build();
		assertThat(router.route("orders.created")).isEqualTo("one");
	}

}

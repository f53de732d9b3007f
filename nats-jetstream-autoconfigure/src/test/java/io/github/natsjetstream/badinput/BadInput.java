package io.github.natsjetstream.badinput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.natsjetstream.test.NatsServer;
import org.jspecify.annotations.Nullable;

/**
 * One bad input: what the user wrote, where, how the application is started with it,
 * and what the startup failure must say: the culprit (property as written, handler,
 * value) and the way out.
 */
final class BadInput {

	private final String input;

	private final String where;

	private final List<Function<BadInputServers, String>> properties = new ArrayList<>();

	private final Map<String, Class<?>> beans = new LinkedHashMap<>();

	private Function<BadInputServers, NatsServer> server = BadInputServers::jetStream;

	private String message = "";

	private final List<String> names = new ArrayList<>();

	private String wayOut = "";

	private @Nullable String serverBelow;

	private BadInput(String input, String where) {
		this.input = input;
		this.where = where;
	}

	/**
	 * A bad property value: the input is the property, applied as written.
	 * @param property {@code name=value}
	 * @return the bad input
	 */
	static BadInput property(String property) {
		return new BadInput(property, "property").with(property);
	}

	/**
	 * A bad property value whose value is known when the test runs (a file, a server).
	 * @param input the input as the table shows it
	 * @param property the property applied
	 * @return the bad input
	 */
	static BadInput property(String input, Function<BadInputServers, String> property) {
		return new BadInput(input, "property").with(property);
	}

	/**
	 * A bad annotation.
	 * @param input the annotation as the table shows it
	 * @param beanName the name of the bean that carries it
	 * @param beanType the class that carries it
	 * @return the bad input
	 */
	static BadInput annotation(String input, String beanName, Class<?> beanType) {
		return new BadInput(input, "annotation").bean(beanName, beanType);
	}

	/**
	 * Something the server decides: credentials it refuses, TLS it does not match.
	 * @param input the input as the table shows it
	 * @return the bad input
	 */
	static BadInput server(String input) {
		return new BadInput(input, "property, server");
	}

	BadInput with(String property) {
		return with((servers) -> property);
	}

	BadInput with(Function<BadInputServers, String> property) {
		this.properties.add(property);
		return this;
	}

	BadInput bean(String name, Class<?> type) {
		this.beans.put(name, type);
		return this;
	}

	/**
	 * Connect to another server than the JetStream one without authentication.
	 */
	BadInput on(Function<BadInputServers, NatsServer> server) {
		this.server = server;
		return this;
	}

	/**
	 * Only on servers before the given version (where the input is bad).
	 */
	BadInput onServersBelow(String version) {
		this.serverBelow = version;
		return this;
	}

	/**
	 * The excerpt of the Description that names the culprit, shown in the table.
	 */
	BadInput says(String message) {
		this.message = message;
		return this;
	}

	/**
	 * Further excerpts of the Description: the value, the handler.
	 */
	BadInput names(String... names) {
		this.names.addAll(List.of(names));
		return this;
	}

	/**
	 * The excerpt of the Description or Action that says what to do, shown in the table.
	 */
	BadInput wayOut(String wayOut) {
		this.wayOut = wayOut;
		return this;
	}

	String input() {
		return this.input;
	}

	String where() {
		return this.where;
	}

	String message() {
		return this.message;
	}

	List<String> names() {
		return this.names;
	}

	String wayOut() {
		return this.wayOut;
	}

	@Nullable String serverBelow() {
		return this.serverBelow;
	}

	NatsServer server(BadInputServers servers) {
		return this.server.apply(servers);
	}

	List<String> properties(BadInputServers servers) {
		return this.properties.stream().map((property) -> property.apply(servers)).toList();
	}

	Map<String, Class<?>> beans() {
		return this.beans;
	}

	@Override
	public String toString() {
		return this.input;
	}

}

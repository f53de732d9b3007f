package io.github.natsjetstream.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the JetStream API's consumer list ({@code $JS.API.CONSUMER.LIST.<stream>}),
 * read for the few numbers {@link ConsumerStatistics} keeps: the name, pending, ack
 * pending, redelivered and paused of each consumer, and the paging. Everything else in
 * the answer (configurations, sequences, times, cluster) is skipped without being
 * parsed: the listing of a thousand consumers is close to a megabyte of JSON, which
 * jnats' {@code ConsumerInfo} would turn into some ten times as much garbage.
 *
 * @param total how many consumers the stream has
 * @param offset the offset of the page
 * @param consumers the consumers of the page
 * @param error the description of the API error the server answered with, or
 * {@code null}
 * @author NATS JetStream Spring Boot Starter contributors
 */
record ConsumerListPage(long total, long offset, List<Entry> consumers, @Nullable String error) {

	/**
	 * Read a page from the answer of the server.
	 * @param json the answer
	 * @return the page
	 * @throws IllegalArgumentException when the answer is not a JSON object
	 */
	static ConsumerListPage parse(byte[] json) {
		return new Reader(json).page();
	}

	/**
	 * The numbers of one consumer.
	 *
	 * @param name the consumer's name
	 * @param pending messages of the stream not yet delivered to it
	 * @param ackPending messages delivered and not yet acknowledged
	 * @param redelivered messages delivered more than once and not yet acknowledged
	 * @param paused whether it is paused on the server
	 */
	record Entry(String name, long pending, long ackPending, long redelivered, boolean paused) {

	}

	/**
	 * Walks the JSON once, reading the wanted fields and skipping every other value.
	 */
	private static final class Reader {

		private final byte[] json;

		private int at;

		Reader(byte[] json) {
			this.json = json;
		}

		ConsumerListPage page() {
			long total = 0;
			long offset = 0;
			List<Entry> consumers = new ArrayList<>();
			@Nullable String error = null;
			expect('{');
			if (!endOf('}')) {
				do {
					String key = string();
					expect(':');
					switch (key) {
						case "total" -> total = number();
						case "offset" -> offset = number();
						case "consumers" -> consumers(consumers);
						case "error" -> error = error();
						default -> skipValue();
					}
				}
				while (next(',', '}'));
			}
			return new ConsumerListPage(total, offset, consumers, error);
		}

		private void consumers(List<Entry> consumers) {
			if (literal("null")) {
				return;
			}
			expect('[');
			if (endOf(']')) {
				return;
			}
			do {
				consumers.add(consumer());
			}
			while (next(',', ']'));
		}

		private Entry consumer() {
			String name = "";
			long pending = 0;
			long ackPending = 0;
			long redelivered = 0;
			boolean paused = false;
			expect('{');
			if (!endOf('}')) {
				do {
					String key = string();
					expect(':');
					switch (key) {
						case "name" -> name = string();
						case "num_pending" -> pending = number();
						case "num_ack_pending" -> ackPending = number();
						case "num_redelivered" -> redelivered = number();
						case "paused" -> paused = bool();
						default -> skipValue();
					}
				}
				while (next(',', '}'));
			}
			return new Entry(name, pending, ackPending, redelivered, paused);
		}

		private String error() {
			String description = "";
			long code = 0;
			long errCode = 0;
			expect('{');
			if (!endOf('}')) {
				do {
					String key = string();
					expect(':');
					switch (key) {
						case "description" -> description = string();
						case "code" -> code = number();
						case "err_code" -> errCode = number();
						default -> skipValue();
					}
				}
				while (next(',', '}'));
			}
			return description + " [" + code + "/" + errCode + "]";
		}

		/**
		 * Read a string; escapes are decoded.
		 */
		private String string() {
			expect('"');
			int start = this.at;
			boolean escaped = false;
			while (true) {
				byte b = byteAt(this.at);
				if (b == '"') {
					break;
				}
				if (b == '\\') {
					escaped = true;
					this.at++;
				}
				this.at++;
			}
			int end = this.at;
			this.at++;
			String raw = new String(this.json, start, end - start, StandardCharsets.UTF_8);
			return escaped ? unescape(raw) : raw;
		}

		private static String unescape(String raw) {
			StringBuilder text = new StringBuilder(raw.length());
			for (int i = 0; i < raw.length(); i++) {
				char c = raw.charAt(i);
				if (c != '\\') {
					text.append(c);
					continue;
				}
				char escape = raw.charAt(++i);
				switch (escape) {
					case 'b' -> text.append('\b');
					case 'f' -> text.append('\f');
					case 'n' -> text.append('\n');
					case 'r' -> text.append('\r');
					case 't' -> text.append('\t');
					case 'u' -> {
						text.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
						i += 4;
					}
					default -> text.append(escape);
				}
			}
			return text.toString();
		}

		/**
		 * Read a whole number; a number with a fraction or an exponent is read as a
		 * double and truncated, {@code null} is zero.
		 */
		private long number() {
			skipWhitespace();
			if (literal("null")) {
				return 0;
			}
			int start = this.at;
			boolean whole = true;
			while (this.at < this.json.length && isNumberByte(this.json[this.at])) {
				byte b = this.json[this.at];
				whole &= b != '.' && b != 'e' && b != 'E';
				this.at++;
			}
			String text = new String(this.json, start, this.at - start, StandardCharsets.US_ASCII);
			try {
				return whole ? Long.parseLong(text) : (long) Double.parseDouble(text);
			}
			catch (NumberFormatException ex) {
				throw invalid("a number");
			}
		}

		private static boolean isNumberByte(byte b) {
			return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
		}

		private boolean bool() {
			if (literal("true")) {
				return true;
			}
			skipValue();
			return false;
		}

		/**
		 * Skip the literal if it comes next.
		 * @return whether it came
		 */
		private boolean literal(String literal) {
			skipWhitespace();
			int length = literal.length();
			if (this.at + length > this.json.length) {
				return false;
			}
			for (int i = 0; i < length; i++) {
				if (this.json[this.at + i] != literal.charAt(i)) {
					return false;
				}
			}
			this.at += length;
			return true;
		}

		/**
		 * Skip one value of any kind: nested objects and arrays by their depth, strings
		 * with their escapes.
		 */
		private void skipValue() {
			skipWhitespace();
			int depth = 0;
			do {
				byte b = byteAt(this.at);
				if (b == '"') {
					skipString();
					continue;
				}
				if (b == '{' || b == '[') {
					depth++;
				}
				else if (b == '}' || b == ']') {
					if (depth == 0) {
						// The end of the enclosing object or array: the value was a scalar.
						return;
					}
					depth--;
				}
				else if (depth == 0 && (b == ',' || isWhitespace(b))) {
					return;
				}
				this.at++;
			}
			while (depth > 0 || !atValueEnd());
		}

		private boolean atValueEnd() {
			if (this.at >= this.json.length) {
				return true;
			}
			byte b = this.json[this.at];
			return b == ',' || b == '}' || b == ']' || isWhitespace(b);
		}

		private void skipString() {
			this.at++;
			while (true) {
				byte b = byteAt(this.at);
				this.at++;
				if (b == '\\') {
					this.at++;
				}
				else if (b == '"') {
					return;
				}
			}
		}

		private void expect(char expected) {
			skipWhitespace();
			if (byteAt(this.at) != expected) {
				throw invalid("'" + expected + "'");
			}
			this.at++;
		}

		/**
		 * Skip the closing character if it comes next.
		 * @return whether it came
		 */
		private boolean endOf(char closing) {
			skipWhitespace();
			if (byteAt(this.at) == closing) {
				this.at++;
				return true;
			}
			return false;
		}

		/**
		 * Read the separator or the closing character after a member or an element.
		 * @return whether another follows
		 */
		private boolean next(char separator, char closing) {
			skipWhitespace();
			byte b = byteAt(this.at);
			this.at++;
			if (b == separator) {
				return true;
			}
			if (b == closing) {
				return false;
			}
			throw invalid("'" + separator + "' or '" + closing + "'");
		}

		private void skipWhitespace() {
			while (this.at < this.json.length && isWhitespace(this.json[this.at])) {
				this.at++;
			}
		}

		private static boolean isWhitespace(byte b) {
			return b == ' ' || b == '\n' || b == '\r' || b == '\t';
		}

		private byte byteAt(int index) {
			if (index >= this.json.length) {
				throw invalid("more");
			}
			return this.json[index];
		}

		private IllegalArgumentException invalid(String expected) {
			return new IllegalArgumentException(
					"Not a consumer list: expected " + expected + " at offset " + this.at + " of " + this.json.length);
		}

	}

}

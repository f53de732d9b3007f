package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a JSON document from the HTTP monitoring port of a {@code nats-server}.
 */
final class MonitoringEndpoint {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private MonitoringEndpoint() {
	}

	/**
	 * Performs a GET request.
	 * @param url the full URL, for example {@code http://127.0.0.1:8222/jsz}
	 * @return the response body
	 * @throws UncheckedIOException if the request fails or answers with a status other than 200
	 */
	static String get(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading " + url, ex);
		}
	}

}

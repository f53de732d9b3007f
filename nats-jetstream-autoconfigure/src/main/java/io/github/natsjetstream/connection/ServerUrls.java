package io.github.natsjetstream.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Server URLs with their credentials ({@code user:password@} or {@code token@}) taken
 * apart, so that the URLs can be logged and passed on without secrets.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class ServerUrls {

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@");

	private static final Pattern USER_INFO_IN_TEXT = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/\\s]*@");

	private ServerUrls() {
	}

	/**
	 * Return the URL without any user information.
	 * @param url a server URL, with or without a scheme
	 * @return the URL without credentials
	 */
	public static String redact(String url) {
		return USER_INFO.matcher(url.trim()).replaceFirst("$1");
	}

	/**
	 * Return the text with the user information of every URL in it removed, for text
	 * that may quote URLs, such as exception messages.
	 * @param text any text
	 * @return the text without URL credentials
	 */
	public static String redactText(String text) {
		return USER_INFO_IN_TEXT.matcher(text).replaceAll("$1");
	}

	/**
	 * Return the URLs without any user information.
	 * @param urls server URLs
	 * @return the URLs without credentials
	 */
	public static List<String> redact(List<String> urls) {
		return urls.stream().map(ServerUrls::redact).toList();
	}

	/**
	 * Return the credentials of the first URL that carries any.
	 * @param urls server URLs
	 * @return the credentials, or {@code null} when no URL carries any
	 */
	public static @Nullable UserInfo userInfo(List<String> urls) {
		for (String url : urls) {
			UserInfo userInfo = userInfo(url);
			if (userInfo != null) {
				return userInfo;
			}
		}
		return null;
	}

	private static @Nullable UserInfo userInfo(String url) {
		try {
			String rawUserInfo = new URI(url.trim()).getRawUserInfo();
			if (rawUserInfo == null || rawUserInfo.isEmpty()) {
				return null;
			}
			int colon = rawUserInfo.indexOf(':');
			if (colon < 0) {
				return new UserInfo(null, null, decode(rawUserInfo));
			}
			return new UserInfo(decode(rawUserInfo.substring(0, colon)), decode(rawUserInfo.substring(colon + 1)),
					null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Invalid NATS server URL '" + redact(url) + "'");
		}
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Credentials found in a server URL.
	 *
	 * @param username the user name of {@code user:password@}, if any
	 * @param password the password of {@code user:password@}, if any
	 * @param token the token of {@code token@}, if any
	 */
	public record UserInfo(@Nullable String username, @Nullable String password, @Nullable String token) {

		@Override
		public String toString() {
			return "UserInfo[******]";
		}

	}

}

package io.github.natsjetstream.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import io.nats.client.support.NatsUri;
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
	 * Check that every URL is a NATS server URL that jnats can connect to.
	 * @param setting the property that holds the URLs, for errors
	 * @param urls server URLs
	 * @throws InvalidConnectionSettingException naming the first URL that is not one,
	 * without its credentials
	 */
	public static void check(String setting, List<String> urls) {
		String action = "Set " + setting + " to URLs such as 'nats://host:4222' or 'tls://host:4222', separated by "
				+ "commas.";
		if (urls.isEmpty() || urls.stream().allMatch(String::isBlank)) {
			throw new InvalidConnectionSettingException(setting, "no server URL is given", action, null);
		}
		for (String url : urls) {
			String redacted = redact(url);
			try {
				NatsUri uri = new NatsUri(url.trim());
				if (uri.getHost() == null || uri.getHost().isEmpty()) {
					throw new InvalidConnectionSettingException(setting, "'" + redacted + "' names no host", action,
							null);
				}
			}
			catch (URISyntaxException ex) {
				throw new InvalidConnectionSettingException(setting,
						"'" + redacted + "' is not a server URL (" + ex.getReason() + ")", action, null);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConnectionSettingException(setting, "'" + redacted + "' is not a server URL", action,
						null);
			}
		}
	}

	/**
	 * Return whether any URL asks for TLS ({@code tls://} or {@code wss://}).
	 * @param urls server URLs
	 * @return whether TLS is asked for
	 */
	public static boolean anySecure(List<String> urls) {
		return urls.stream().map(ServerUrls::natsUri).anyMatch((uri) -> uri != null && uri.isSecure()
				&& !"opentls".equalsIgnoreCase(uri.getScheme()));
	}

	/**
	 * Return the host name of the first URL that names its host rather than giving its
	 * IP address.
	 * @param urls server URLs
	 * @return the host name, or {@code null} when every URL gives an IP address
	 */
	public static @Nullable String firstHostName(List<String> urls) {
		return urls.stream()
			.map(ServerUrls::natsUri)
			.filter((uri) -> uri != null && !uri.hostIsIpAddress() && uri.getHost() != null)
			.map(NatsUri::getHost)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable NatsUri natsUri(String url) {
		try {
			return new NatsUri(url.trim());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
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

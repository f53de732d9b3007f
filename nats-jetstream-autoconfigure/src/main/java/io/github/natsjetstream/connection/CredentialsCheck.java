package io.github.natsjetstream.connection;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import io.nats.client.Nats;
import org.jspecify.annotations.Nullable;

/**
 * Checks an NKey seed and a {@code .creds} file before the first connection, so that a
 * mistake fails startup naming the setting whether or not the server requires
 * authentication (one that does not would accept the connection without looking at them).
 * The errors never hold the seed or the file's content.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public final class CredentialsCheck {

	private static final String SEED_ACTION = "Set %s to the seed of a user NKey: 58 characters starting with 'SU', "
			+ "as 'nk -gen user' or 'nsc' prints it.";

	private CredentialsCheck() {
	}

	/**
	 * Check that the value is the seed of a user NKey.
	 * @param setting the property that holds it, for errors
	 * @param seed the value
	 * @throws InvalidConnectionSettingException when it is not
	 */
	public static void nkeySeed(String setting, String seed) {
		String action = SEED_ACTION.formatted(setting);
		char[] chars = seed.trim().toCharArray();
		NKey key;
		try {
			key = NKey.fromSeed(chars);
		}
		catch (RuntimeException ex) {
			if (isPublicKey(chars)) {
				throw new InvalidConnectionSettingException(setting,
						"it holds a public NKey, where the user's seed (the private part) is needed", action, null);
			}
			throw new InvalidConnectionSettingException(setting,
					"it is not an NKey seed (" + ex.getMessage() + ")", action, null);
		}
		if (key.getType() != NKey.Type.USER) {
			throw new InvalidConnectionSettingException(setting, "it is the seed of an "
					+ key.getType().name().toLowerCase(java.util.Locale.ROOT) + " NKey, not of a user", action, null);
		}
	}

	/**
	 * Check that the file exists, can be read, and holds a user JWT and the seed of a user
	 * NKey.
	 * @param setting the property that holds the path, for errors
	 * @param credentials the path of the {@code .creds} file
	 * @throws InvalidConnectionSettingException when it does not
	 */
	public static void credentialsFile(String setting, String credentials) {
		String action = "Set " + setting + " to the path of a readable .creds file holding a user JWT and its NKey "
				+ "seed, as 'nsc generate creds' writes it.";
		Path path;
		try {
			path = Path.of(credentials);
		}
		catch (InvalidPathException ex) {
			throw new InvalidConnectionSettingException(setting, "'" + credentials + "' is not a path", action, null);
		}
		if (!Files.exists(path)) {
			throw new InvalidConnectionSettingException(setting,
					"the file " + path.toAbsolutePath() + " does not exist", action, null);
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new InvalidConnectionSettingException(setting,
					"the file " + path.toAbsolutePath() + " cannot be read", action, null);
		}
		AuthHandler handler = Nats.credentials(path.toString());
		String problem = problem(handler);
		if (problem != null) {
			throw new InvalidConnectionSettingException(setting,
					"the file " + path.toAbsolutePath() + " is not a .creds file: " + problem, action, null);
		}
	}

	private static @Nullable String problem(AuthHandler handler) {
		char[] jwt;
		try {
			jwt = handler.getJWT();
		}
		catch (RuntimeException ex) {
			return "it holds no user JWT";
		}
		if (jwt == null || jwt.length == 0) {
			return "it holds no user JWT";
		}
		char[] id;
		try {
			id = handler.getID();
		}
		catch (RuntimeException ex) {
			return "it holds no NKey seed";
		}
		if (id == null || id.length == 0 || id[0] != 'U') {
			return "its NKey seed is not the seed of a user";
		}
		return null;
	}

	private static boolean isPublicKey(char[] chars) {
		try {
			NKey.fromPublicKey(chars);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}

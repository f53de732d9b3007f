package io.github.natsjetstream.badinput;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import io.nats.client.NKey;

/**
 * The secrets the bad-input and security tests configure, each distinctive enough to be
 * found in any output that leaked it.
 */
final class Secrets {

	static final String PASSWORD = "Pw-9f3c1e7a-never-shown";

	static final String WRONG_PASSWORD = "Pw-wrong-4b2d8e90-never-shown";

	static final String TOKEN = "Tk-51a9c3e2-never-shown";

	static final String WRONG_TOKEN = "Tk-wrong-0d7e6f13-never-shown";

	static final String URL_PASSWORD = "UrlPw-7c2e9a41-never-shown";

	/**
	 * A user NKey the server with users knows.
	 */
	static final NKey USER = createUser();

	/**
	 * A valid user NKey no server knows.
	 */
	static final NKey STRANGER = createUser();

	/**
	 * An account NKey, whose seed is no user's.
	 */
	static final NKey ACCOUNT = createAccount();

	/**
	 * Text that looks like a seed but is not one.
	 */
	static final String GARBAGE_SEED = "SUGARBAGE7X2Q9NEVERSHOWNSEEDTEXTAAAAAAAAAAAAAAAAAAAAAAAAAA";

	private Secrets() {
	}

	static String seed(NKey key) {
		return new String(key.getSeed());
	}

	static String publicKey(NKey key) {
		try {
			return new String(key.getPublicKey());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static NKey createAccount() {
		try {
			return NKey.createAccount(new SecureRandom());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static NKey createUser() {
		try {
			return NKey.createUser(new SecureRandom());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

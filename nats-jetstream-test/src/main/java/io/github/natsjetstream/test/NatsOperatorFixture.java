package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import io.nats.client.NKey;
import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JwtUtils;

/**
 * Decentralized (operator mode) authentication material for tests of {@code .creds} file
 * authentication.
 *
 * <p>Creates an operator, a system account, an application account with unlimited JetStream,
 * and one user of that account, and issues their JWTs. {@link #serverConfig()} is the server
 * side (to pass to {@link NatsServer.Builder#config(String)}), {@link #writeCredentials(Path)}
 * the client side.
 *
 * <pre class="code">
 * NatsOperatorFixture operator = NatsOperatorFixture.create();
 * NatsServer server = NatsServer.builder().config(operator.serverConfig()).start();
 * Path creds = operator.writeCredentials(tempDir.resolve("user.creds"));
 * Connection connection = Nats.connect(new Options.Builder().server(server.url())
 *         .authHandler(Nats.credentials(creds.toString())).build());
 * </pre>
 */
public final class NatsOperatorFixture {

	/**
	 * Account limits: everything unlimited, JetStream enabled with unlimited memory and file
	 * storage (an account whose JWT has no JetStream limits cannot use JetStream).
	 */
	private static final String ACCOUNT_LIMITS = "{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
			+ "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1,\"mem_storage\":-1,\"disk_storage\":-1,"
			+ "\"streams\":-1,\"consumer\":-1,\"max_ack_pending\":-1,\"mem_max_stream_bytes\":-1,"
			+ "\"disk_max_stream_bytes\":-1,\"max_bytes_required\":false}";

	private static final String SYSTEM_ACCOUNT_LIMITS = "{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
			+ "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1}";

	private final String operatorPublicKey;

	private final String operatorJwt;

	private final String systemAccountPublicKey;

	private final String systemAccountJwt;

	private final String accountPublicKey;

	private final String accountJwt;

	private final String userPublicKey;

	private final String userJwt;

	private final String userSeed;

	private NatsOperatorFixture() throws GeneralSecurityException, IOException {
		SecureRandom random = new SecureRandom();
		NKey operator = NKey.createOperator(random);
		NKey systemAccount = NKey.createAccount(random);
		NKey account = NKey.createAccount(random);
		NKey user = NKey.createUser(random);
		this.operatorPublicKey = new String(operator.getPublicKey());
		this.systemAccountPublicKey = new String(systemAccount.getPublicKey());
		this.accountPublicKey = new String(account.getPublicKey());
		this.userPublicKey = new String(user.getPublicKey());
		this.userSeed = new String(user.getSeed());

		long now = JwtUtils.currentTimeSeconds();
		this.operatorJwt = JwtUtils.issueJWT(operator, this.operatorPublicKey, "test-operator", null, now,
				this.operatorPublicKey, json("{\"type\":\"operator\",\"version\":2,\"system_account\":\""
						+ this.systemAccountPublicKey + "\"}"));
		this.systemAccountJwt = JwtUtils.issueJWT(operator, this.systemAccountPublicKey, "SYS", null, now,
				this.operatorPublicKey,
				json("{\"type\":\"account\",\"version\":2,\"limits\":" + SYSTEM_ACCOUNT_LIMITS + "}"));
		this.accountJwt = JwtUtils.issueJWT(operator, this.accountPublicKey, "test-account", null, now,
				this.operatorPublicKey, json("{\"type\":\"account\",\"version\":2,\"limits\":" + ACCOUNT_LIMITS + "}"));
		this.userJwt = JwtUtils.issueUserJWT(account, this.accountPublicKey, this.userPublicKey, "test-user");
	}

	/**
	 * Creates new keys and JWTs.
	 * @return the new fixture
	 */
	public static NatsOperatorFixture create() {
		try {
			return new NatsOperatorFixture();
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Could not create operator, account and user JWTs", ex);
		}
	}

	/**
	 * The server configuration for operator mode: the operator JWT, the system account, and a
	 * memory resolver preloaded with both account JWTs.
	 * @return configuration text for {@link NatsServer.Builder#config(String)}
	 */
	public String serverConfig() {
		return "operator: " + this.operatorJwt + "\n" //
				+ "system_account: " + this.systemAccountPublicKey + "\n" //
				+ "resolver: MEMORY\n" //
				+ "resolver_preload: {\n" //
				+ "  " + this.systemAccountPublicKey + ": " + this.systemAccountJwt + "\n" //
				+ "  " + this.accountPublicKey + ": " + this.accountJwt + "\n" //
				+ "}\n";
	}

	/**
	 * The content of a standard {@code .creds} file for the user: its JWT and its NKey seed.
	 * @return the credentials text
	 */
	public String credentials() {
		return String.format(JwtUtils.NATS_USER_JWT_FORMAT, this.userJwt, this.userSeed);
	}

	/**
	 * Writes the user's {@code .creds} file, creating parent directories as needed.
	 * @param file the file to write
	 * @return the file
	 */
	public Path writeCredentials(Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, credentials());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * The operator's public NKey.
	 * @return the public key, starting with {@code O}
	 */
	public String operatorPublicKey() {
		return this.operatorPublicKey;
	}

	/**
	 * The public NKey of the account the user belongs to.
	 * @return the public key, starting with {@code A}
	 */
	public String accountPublicKey() {
		return this.accountPublicKey;
	}

	/**
	 * The public NKey of the system account.
	 * @return the public key, starting with {@code A}
	 */
	public String systemAccountPublicKey() {
		return this.systemAccountPublicKey;
	}

	/**
	 * The user's public NKey.
	 * @return the public key, starting with {@code U}
	 */
	public String userPublicKey() {
		return this.userPublicKey;
	}

	/**
	 * The user's JWT, signed by the account.
	 * @return the JWT
	 */
	public String userJwt() {
		return this.userJwt;
	}

	/**
	 * The user's NKey seed; a secret, test use only.
	 * @return the seed, starting with {@code SU}
	 */
	public String userSeed() {
		return this.userSeed;
	}

	private static JsonSerializable json(String json) {
		return () -> json;
	}

}

package io.github.natsjetstream.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import io.github.natsjetstream.test.NatsOperatorFixture;
import io.nats.client.NKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CredentialsCheckTests {

	@Test
	void userSeedIsAccepted() throws Exception {
		String seed = new String(NKey.createUser(new SecureRandom()).getSeed());
		assertThatNoException().isThrownBy(() -> CredentialsCheck.nkeySeed("nats.nkey", seed));
	}

	@Test
	void garbageIsRefusedWithoutShowingIt() {
		String garbage = "SUNOTASEEDATALLBUTLONGENOUGHTOLOOKLIKEONEAAAAAAAAAAAAAAAAA";
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> CredentialsCheck.nkeySeed("nats.nkey", garbage))
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("nats.nkey");
				assertThat(ex.getMessage()).startsWith("Invalid nats.nkey: it is not an NKey seed")
					.doesNotContain(garbage);
				assertThat(ex.getAction()).contains("starting with 'SU'");
			});
	}

	@Test
	void publicKeyIsRefusedSayingSo() throws Exception {
		String publicKey = new String(NKey.createUser(new SecureRandom()).getPublicKey());
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> CredentialsCheck.nkeySeed("nats.nkey", publicKey))
			.withMessageContaining("it holds a public NKey");
	}

	@Test
	void seedOfAnAccountIsRefusedSayingSo() throws Exception {
		String seed = new String(NKey.createAccount(new SecureRandom()).getSeed());
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> CredentialsCheck.nkeySeed("nats.nkey", seed))
			.withMessageContaining("the seed of an account NKey, not of a user")
			.withMessageNotContaining(seed);
	}

	@Test
	void credentialsFileIsAccepted(@TempDir Path dir) {
		Path file = NatsOperatorFixture.create().writeCredentials(dir.resolve("user.creds"));
		assertThatNoException().isThrownBy(() -> CredentialsCheck.credentialsFile("nats.credentials", file.toString()));
	}

	@Test
	void missingFileIsRefusedNamingIt(@TempDir Path dir) {
		Path file = dir.resolve("missing.creds");
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> CredentialsCheck.credentialsFile("nats.credentials", file.toString()))
			.withMessage("Invalid nats.credentials: the file " + file.toAbsolutePath() + " does not exist");
	}

	@Test
	void directoryIsRefused(@TempDir Path dir) {
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> CredentialsCheck.credentialsFile("nats.credentials", dir.toString()))
			.withMessageEndingWith("cannot be read");
	}

	@Test
	void fileWithoutCredentialsIsRefusedWithoutShowingItsContent(@TempDir Path dir) throws Exception {
		NatsOperatorFixture operator = NatsOperatorFixture.create();
		String noSeed = operator.credentials().replace(operator.userSeed(), "SUBROKEN");
		Path file = Files.writeString(dir.resolve("broken.creds"), noSeed);
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> CredentialsCheck.credentialsFile("nats.credentials", file.toString()))
			.withMessageContaining("is not a .creds file")
			.withMessageNotContaining(operator.userJwt())
			.withMessageNotContaining("SUBROKEN");
		Path text = Files.writeString(dir.resolve("text.creds"), "just some text");
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> CredentialsCheck.credentialsFile("nats.credentials", text.toString()))
			.withMessageContaining("is not a .creds file");
	}

}

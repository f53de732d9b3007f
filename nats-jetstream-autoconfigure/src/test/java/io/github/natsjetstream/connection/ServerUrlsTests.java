package io.github.natsjetstream.connection;

import java.util.List;

import io.github.natsjetstream.connection.ServerUrls.UserInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServerUrlsTests {

	@Test
	void redactRemovesUserAndPassword() {
		assertThat(ServerUrls.redact("nats://alice:s3cret@host:4222")).isEqualTo("nats://host:4222");
	}

	@Test
	void redactRemovesToken() {
		assertThat(ServerUrls.redact("tls://t0ken@host:4222")).isEqualTo("tls://host:4222");
	}

	@Test
	void redactLeavesUrlsWithoutCredentialsAlone() {
		assertThat(ServerUrls.redact(List.of("nats://a:4222", "host:4223"))).containsExactly("nats://a:4222",
				"host:4223");
	}

	@Test
	void redactTextRemovesTheCredentialsOfEveryUrlInIt() {
		assertThat(ServerUrls.redactText("GET https://bob:pa55@api.example/x failed, fallback "
				+ "nats://t0ken@host:4222 (see mailto:ops@example.com, nats://plain:4222, jdbc:postgresql://u:p@db/x)"))
			.isEqualTo("GET https://api.example/x failed, fallback nats://host:4222 (see mailto:ops@example.com, "
					+ "nats://plain:4222, jdbc:postgresql://db/x)");
	}

	@Test
	void redactTextRemovesCredentialsFromEveryUrlInIt() {
		assertThat(ServerUrls.redactText("Could not reach nats://alice:s3cret@a:4222 or tls://t0ken@b:4222, nor c:4222"))
			.isEqualTo("Could not reach nats://a:4222 or tls://b:4222, nor c:4222");
	}

	@Test
	void userInfoReadsUserAndPassword() {
		UserInfo userInfo = ServerUrls.userInfo(List.of("nats://a:4222", "nats://alice:p%40ss@b:4222"));
		assertThat(userInfo).isNotNull();
		assertThat(userInfo.username()).isEqualTo("alice");
		assertThat(userInfo.password()).isEqualTo("p@ss");
		assertThat(userInfo.token()).isNull();
	}

	@Test
	void userInfoReadsToken() {
		UserInfo userInfo = ServerUrls.userInfo(List.of("nats://t0ken@b:4222"));
		assertThat(userInfo).isNotNull();
		assertThat(userInfo.token()).isEqualTo("t0ken");
		assertThat(userInfo.username()).isNull();
	}

	@Test
	void userInfoIsNullWithoutCredentials() {
		assertThat(ServerUrls.userInfo(List.of("nats://b:4222"))).isNull();
	}

	@Test
	void userInfoToStringHidesSecrets() {
		assertThat(new UserInfo("alice", "s3cret", null).toString()).doesNotContain("alice").doesNotContain("s3cret");
	}

	@Test
	void checkAcceptsNatsAndTlsUrls() {
		ServerUrls.check("nats.servers", List.of("nats://host:4222", "tls://alice:secret@host:4222", "host:4222"));
	}

	@Test
	void checkRefusesAnUnparsableUrlWithoutItsCredentials() {
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> ServerUrls.check("nats.servers", List.of("nats://alice:s3cret@host:port")))
			.withMessageStartingWith("Invalid nats.servers: 'nats://host:port' is not a server URL")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void checkRefusesNoUrl() {
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> ServerUrls.check("nats.servers", List.of()))
			.withMessage("Invalid nats.servers: no server URL is given");
	}

	@Test
	void anySecureIsTrueForTlsUrlsOnly() {
		assertThat(ServerUrls.anySecure(List.of("nats://a:4222", "tls://b:4222"))).isTrue();
		assertThat(ServerUrls.anySecure(List.of("nats://a:4222"))).isFalse();
		assertThat(ServerUrls.anySecure(List.of("opentls://a:4222"))).isFalse();
	}

	@Test
	void firstHostNameSkipsIpAddresses() {
		assertThat(ServerUrls.firstHostName(List.of("tls://10.0.0.1:4222", "tls://nats.example.org:4222")))
			.isEqualTo("nats.example.org");
		assertThat(ServerUrls.firstHostName(List.of("tls://10.0.0.1:4222"))).isNull();
	}

}

package io.github.natsjetstream.connection;

import java.util.List;

import io.github.natsjetstream.connection.ServerUrls.UserInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}

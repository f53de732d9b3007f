package io.github.natsjetstream.badinput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.natsjetstream.actuate.NatsEndpoint;
import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.test.NatsOperatorFixture;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No secret appears anywhere: applications that fail to start for each kind of
 * credential, and applications that dead-letter messages while connected with each kind,
 * print everything at DEBUG; what they print (stdout, stderr, logs), their exceptions,
 * their startup reports, their dead letters and their dead-letters endpoint must hold
 * none of the secrets they were given.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests {

	private static final List<String> VERBOSE = List.of("logging.level.io.github.natsjetstream=DEBUG",
			"logging.level.io.nats=DEBUG", "logging.level.org.springframework.boot=DEBUG");

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.jetStream();

	@TempDir
	static Path directory;

	private static BadInputServers servers;

	private static NatsOperatorFixture stranger;

	@BeforeAll
	static void createServers() {
		servers = new BadInputServers(nats.server(), directory);
		stranger = NatsOperatorFixture.create();
	}

	@AfterAll
	static void closeServers() {
		servers.close();
	}

	static Stream<Start> failingStarts() {
		return Stream.of(
				new Start("wrong password", BadInputServers::users,
						(s) -> List.of("nats.username=alice", "nats.password=" + Secrets.WRONG_PASSWORD)),
				new Start("wrong token", BadInputServers::token, (s) -> List.of("nats.token=" + Secrets.WRONG_TOKEN)),
				new Start("wrong user:pass@ in the URL", BadInputServers::users,
						(s) -> List.of("nats.servers=" + userInfoUrl(s.users(), Secrets.URL_PASSWORD))),
				new Start("token@ in the URL of a server with users", BadInputServers::users,
						(s) -> List.of("nats.servers=" + s.users().url().replace("://", "://" + Secrets.TOKEN + "@"))),
				new Start("garbage NKey seed", BadInputServers::users,
						(s) -> List.of("nats.nkey=" + Secrets.GARBAGE_SEED)),
				new Start("NKey seed the server does not know", BadInputServers::users,
						(s) -> List.of("nats.nkey=" + Secrets.seed(Secrets.STRANGER))),
				new Start("account seed as NKey", BadInputServers::users,
						(s) -> List.of("nats.nkey=" + Secrets.seed(Secrets.ACCOUNT))),
				new Start("corrupt .creds file", BadInputServers::operator,
						(s) -> List.of("nats.credentials=" + s.file("corrupt-secret.creds",
								stranger.credentials().replace(stranger.userSeed(), Secrets.GARBAGE_SEED)))),
				new Start(".creds file of another operator", BadInputServers::operator,
						(s) -> List.of("nats.credentials=" + s.file("stranger.creds", stranger.credentials()))),
				new Start("untrusted certificate, with a token", BadInputServers::tls,
						(s) -> List.of("nats.token=" + Secrets.TOKEN, "nats.ssl.bundle=other",
								"spring.ssl.bundle.pem.other.truststore.certificate=file:"
										+ s.certificates().otherCaCertificate())),
				new Start("certificate for another host, with a password", BadInputServers::tlsForAnotherHost,
						(s) -> List.of("nats.username=alice", "nats.password=" + Secrets.PASSWORD, "nats.ssl.bundle=ca",
								"spring.ssl.bundle.pem.ca.truststore.certificate=file:"
										+ s.anotherHostCertificates().caCertificate())),
				new Start("plain connection to a TLS server, with user:pass@", BadInputServers::tls,
						(s) -> List.of("nats.servers=" + userInfoUrl(s.tls(), Secrets.URL_PASSWORD)
							.replace("tls://", "nats://"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failingStarts")
	void failingStartShowsNoSecret(Start start, CapturedOutput output) {
		List<String> properties = new ArrayList<>(VERBOSE);
		properties.addAll(start.properties().apply(servers));
		StartupFailure failure = StartupFailure.of(start.server().apply(servers).url(), properties, Map.of());
		Map<String, String> exposed = new LinkedHashMap<>();
		exposed.put("output", output.getAll());
		exposed.put("report", failure.report());
		exposed.put("exceptions", causes(failure.failure()));
		assertThat(output.getAll()).as("captured output").contains("APPLICATION FAILED TO START");
		assertNoSecret(exposed);
	}

	static Stream<Start> connectedStarts() {
		return Stream.of(
				new Start("user and password", BadInputServers::users,
						(s) -> List.of("nats.username=alice", "nats.password=" + Secrets.PASSWORD)),
				new Start("user:pass@ in the URL", BadInputServers::users,
						(s) -> List.of("nats.servers=" + userInfoUrl(s.users(), Secrets.PASSWORD))),
				new Start("token", BadInputServers::token, (s) -> List.of("nats.token=" + Secrets.TOKEN)),
				new Start("NKey seed", BadInputServers::users, (s) -> List.of("nats.nkey=" + Secrets.seed(Secrets.USER))),
				new Start(".creds file", BadInputServers::operator, (s) -> List.of(
						"nats.credentials=" + s.operatorFixture().writeCredentials(directory.resolve("user.creds")))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectedStarts")
	void runWithDeadLettersShowsNoSecret(Start start, CapturedOutput output) throws Exception {
		List<String> properties = new ArrayList<>(VERBOSE);
		properties.addAll(start.properties().apply(servers));
		properties.add("nats.jetstream.streams.SECRETS.subjects=secrets.>");
		properties.add("spring.jmx.enabled=true");
		properties.add("management.endpoints.jmx.exposure.include=nats");
		Map<String, String> exposed = new LinkedHashMap<>();
		try (ConfigurableApplicationContext context = StartupFailure
			.application(start.server().apply(servers).url(), properties, Map.of("secretsHandler", RefusingHandler.class))
			.run()) {
			JetStream jetStream = context.getBean(JetStream.class);
			String marker = "order-" + System.nanoTime();
			jetStream.publish("secrets.orders", marker.getBytes(StandardCharsets.UTF_8));
			JetStreamManagement management = context.getBean(JetStreamManagement.class);
			MessageInfo deadLetter = await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> management.getLastMessage("BAD_INPUT_DLQ", "badinput-dlq.SECRETS.bad-input-secretsHandler-on"),
						(info) -> marker.equals(new String(info.getData(), StandardCharsets.UTF_8)));
			exposed.put("dead-letter headers", headers(deadLetter.getHeaders()));
			NatsEndpoint endpoint = context.getBean(NatsEndpoint.class);
			JsonMapper json = JsonMapper.builder().build();
			exposed.put("dead-letters endpoint", json.writeValueAsString(endpoint.deadLetters()));
			exposed.put("nats endpoint", json.writeValueAsString(endpoint.nats()));
		}
		exposed.put("output", output.getAll());
		assertThat(exposed.get("dead-letter headers")).contains("refused");
		assertThat(exposed.get("output")).as("captured output").contains("NATS connection opened");
		assertNoSecret(exposed);
	}

	private static void assertNoSecret(Map<String, String> exposed) {
		Map<String, String> secrets = secrets();
		exposed.forEach((where, text) -> secrets.forEach((secret, value) -> assertThat(text)
			.as("%s shows %s", where, secret)
			.doesNotContain(value)));
	}

	private static Map<String, String> secrets() {
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("the password", Secrets.PASSWORD);
		secrets.put("the wrong password", Secrets.WRONG_PASSWORD);
		secrets.put("the token", Secrets.TOKEN);
		secrets.put("the wrong token", Secrets.WRONG_TOKEN);
		secrets.put("the password of the URL", Secrets.URL_PASSWORD);
		secrets.put("the user's NKey seed", Secrets.seed(Secrets.USER));
		secrets.put("the unknown NKey seed", Secrets.seed(Secrets.STRANGER));
		secrets.put("the account NKey seed", Secrets.seed(Secrets.ACCOUNT));
		secrets.put("the garbage seed", Secrets.GARBAGE_SEED);
		secrets.put("the .creds file's seed", servers.operatorFixture().userSeed());
		secrets.put("the .creds file's JWT", servers.operatorFixture().userJwt());
		secrets.put("the foreign .creds file's seed", stranger.userSeed());
		secrets.put("the foreign .creds file's JWT", stranger.userJwt());
		return secrets;
	}

	private static String userInfoUrl(NatsServer server, String password) {
		return server.url().replace("://", "://alice:" + password + "@");
	}

	private static String causes(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			text.append(cause).append('\n');
		}
		return text.toString();
	}

	private static String headers(Headers headers) {
		StringBuilder text = new StringBuilder();
		headers.forEach((name, values) -> text.append(name).append(": ").append(values).append('\n'));
		return text.toString();
	}

	/**
	 * An application start: its name, the server and the properties.
	 */
	record Start(String name, Function<BadInputServers, NatsServer> server,
			Function<BadInputServers, List<String>> properties) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static class RefusingHandler {

		@NatsHandler(value = "secrets.*", maxDeliver = "1")
		void on(String payload) {
			throw new IllegalStateException("refused " + payload);
		}

	}

}

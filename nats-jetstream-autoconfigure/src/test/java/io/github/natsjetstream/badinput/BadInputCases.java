package io.github.natsjetstream.badinput;

import java.util.List;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.annotation.NatsRoute;
import io.github.natsjetstream.test.NatsOperatorFixture;

import static io.github.natsjetstream.badinput.BadInput.annotation;
import static io.github.natsjetstream.badinput.BadInput.property;
import static io.github.natsjetstream.badinput.BadInput.server;

/**
 * The bad inputs of the project, each with what its startup failure must say. The table
 * in {@code docs/reliability.md} is generated from this list.
 */
final class BadInputCases {

	private static final String ORDERS_STREAM = "nats.jetstream.streams.BI_ORDERS.subjects=badinput.orders.>";

	private static final String AUTHORIZATION_FAILED = "authorization failed (check nats.username/password, nats.token, "
			+ "nats.nkey or nats.credentials)";

	/**
	 * How a server URL shows once its user information is removed.
	 */
	private static final String SERVER_URL_WITHOUT_USER = "[nats://127.0.0.1:";

	private BadInputCases() {
	}

	static List<BadInput> all() {
		return List.of(
				// Connection settings, checked before connecting
				property("nats.servers=nats://127.0.0.1:port")
					.says("Invalid nats.servers: 'nats://127.0.0.1:port' is not a server URL")
					.wayOut("Set nats.servers to URLs such as 'nats://host:4222'"),
				property("nats.servers=").says("Invalid nats.servers: no server URL is given")
					.wayOut("Set nats.servers to URLs such as 'nats://host:4222'"),
				property("nats.connection-timeout=soon").says("Property: nats.connection-timeout")
					.names("Value: \"soon\"")
					.wayOut("'soon' is not a valid duration"),
				property("nats.nkey=" + Secrets.GARBAGE_SEED.substring(0, 12) + "…",
						(servers) -> "nats.nkey=" + Secrets.GARBAGE_SEED)
					.says("Invalid nats.nkey: it is not an NKey seed")
					.wayOut("Set nats.nkey to the seed of a user NKey: 58 characters starting with 'SU'"),
				property("nats.nkey=<a public key>", (servers) -> "nats.nkey=" + Secrets.publicKey(Secrets.USER))
					.says("Invalid nats.nkey: it holds a public NKey, where the user's seed (the private part) is needed")
					.wayOut("Set nats.nkey to the seed of a user NKey"),
				property("nats.nkey=<an account seed>", (servers) -> "nats.nkey=" + Secrets.seed(Secrets.ACCOUNT))
					.says("Invalid nats.nkey: it is the seed of an account NKey, not of a user")
					.wayOut("Set nats.nkey to the seed of a user NKey"),
				property("nats.credentials=missing/user.creds",
						(servers) -> "nats.credentials=" + servers.missingFile("user.creds"))
					.says("missing/user.creds does not exist")
					.names("Invalid nats.credentials: the file ")
					.wayOut("Set nats.credentials to the path of a readable .creds file"),
				property("nats.credentials=<a file that is no .creds>",
						(servers) -> "nats.credentials=" + servers.file("corrupt.creds", "not a creds file"))
					.says("corrupt.creds is not a .creds file")
					.names("Invalid nats.credentials")
					.wayOut("a readable .creds file holding a user JWT and its NKey seed"),
				property("nats.nkey=… and nats.credentials=…", (servers) -> "nats.nkey=" + Secrets.seed(Secrets.USER))
					.with((servers) -> "nats.credentials="
							+ servers.operatorFixture().writeCredentials(servers.missingFile("both.creds")))
					.says("Invalid nats.nkey: it is set together with nats.credentials")
					.wayOut("Set one of them only"),
				property("nats.ssl.bundle=missing").says("Invalid nats.ssl.bundle: no SSL bundle 'missing' is declared")
					.wayOut("Declare the bundle under spring.ssl.bundle.pem.missing"),
				// Connection settings only the server can judge
				property("nats.servers=nats://no-such-host.invalid:4222")
					.says("[nats://no-such-host.invalid:4222]: unknown host")
					.wayOut("point nats.servers at a running one"),
				server("nats.password=<wrong> for a server with users").on(BadInputServers::users)
					.with("nats.username=alice")
					.with("nats.password=" + Secrets.WRONG_PASSWORD)
					.says(AUTHORIZATION_FAILED)
					.names("Authorization Violation")
					.wayOut("Check the credentials: nats.username/nats.password"),
				server("nats.token=<wrong> for a server with a token").on(BadInputServers::token)
					.with("nats.token=" + Secrets.WRONG_TOKEN)
					.says(AUTHORIZATION_FAILED)
					.names("Authorization Violation")
					.wayOut("nats.token"),
				server("nats.servers=nats://alice:<wrong>@… for a server with users").on(BadInputServers::users)
					.with((servers) -> "nats.servers="
							+ servers.users().url().replace("://", "://alice:" + Secrets.URL_PASSWORD + "@"))
					.says(AUTHORIZATION_FAILED)
					.names(SERVER_URL_WITHOUT_USER)
					.wayOut("Check the credentials: nats.username/nats.password"),
				server("nats.nkey=<a seed the server does not know>").on(BadInputServers::users)
					.with("nats.nkey=" + Secrets.seed(Secrets.STRANGER))
					.says(AUTHORIZATION_FAILED)
					.wayOut("nats.nkey"),
				server("no credentials for a server with users").on(BadInputServers::users)
					.says(AUTHORIZATION_FAILED)
					.wayOut("Check the credentials"),
				server("nats.credentials=<a .creds file of another operator>").on(BadInputServers::operator)
					.with((servers) -> "nats.credentials=" + servers.file("stranger.creds",
							NatsOperatorFixture.create().credentials()))
					.says(AUTHORIZATION_FAILED)
					.wayOut("nats.credentials"),
				server("nats.servers=nats://… for a server that requires TLS").on(BadInputServers::tls)
					.with((servers) -> "nats.servers=nats://127.0.0.1:" + servers.tls().port())
					.says("TLS handshake failed")
					.names("SSL required by server")
					.wayOut("use tls:// URLs or nats.ssl.bundle"),
				server("nats.ssl.bundle=<trusting another CA>").on(BadInputServers::tls)
					.with("nats.ssl.bundle=other")
					.with((servers) -> "spring.ssl.bundle.pem.other.truststore.certificate=file:"
							+ servers.certificates().otherCaCertificate())
					.says("TLS handshake failed")
					.names("unable to find valid certification path")
					.wayOut("a bundle whose trust material holds the server certificate's issuer"),
				server("tls://127.0.0.1 for a server whose certificate is for another host")
					.on(BadInputServers::tlsForAnotherHost)
					.with("nats.ssl.bundle=ca")
					.with((servers) -> "spring.ssl.bundle.pem.ca.truststore.certificate=file:"
							+ servers.anotherHostCertificates().caCertificate())
					.says("TLS host name verification failed: the server's certificate is not for the host connected to")
					.names("No subject alternative names matching IP address 127.0.0.1")
					.wayOut("Connect to the server by a name its certificate is for"),
				// Provisioning
				property("nats.jetstream.provisioning.mode=craete").says("Property: nats.jetstream.provisioning.mode")
					.names("Value: \"craete\"")
					.wayOut("The following values are valid"),
				property("nats.jetstream.streams.BI_STORAGE.storage=disk")
					.says("Origin: \"nats.jetstream.streams.BI_STORAGE.storage\"")
					.names("Value: \"disk\"")
					.wayOut("The following values are valid"),
				property("nats.jetstream.streams.BI_RETENTION.retention=forever")
					.says("Origin: \"nats.jetstream.streams.BI_RETENTION.retention\"")
					.names("Value: \"forever\"")
					.wayOut("The following values are valid"),
				property("nats.jetstream.streams.BI_DISCARD.discard=oldest")
					.says("Origin: \"nats.jetstream.streams.BI_DISCARD.discard\"")
					.names("Value: \"oldest\"")
					.wayOut("The following values are valid"),
				property("nats.jetstream.streams.BI_R0.replicas=0").with("nats.jetstream.streams.BI_R0.subjects=badinput.r0")
					.says("Invalid value '0' of property 'nats.jetstream.streams.BI_R0.replicas'")
					.wayOut("must be between 1 and 5"),
				property("nats.jetstream.streams.BI_R6.replicas=6").with("nats.jetstream.streams.BI_R6.subjects=badinput.r6")
					.says("Invalid value '6' of property 'nats.jetstream.streams.BI_R6.replicas'")
					.wayOut("must be between 1 and 5"),
				server("nats.jetstream.streams.BI_R3.replicas=3 for a server without cluster")
					.with("nats.jetstream.streams.BI_R3.replicas=3")
					.with("nats.jetstream.streams.BI_R3.subjects=badinput.r3")
					.says("Stream 'BI_R3' could not be created: the server refused")
					.wayOut("replicas > 1 not supported in non-clustered mode"),
				property("nats.jetstream.streams.BI_AGE.max-age=forever")
					.says("Origin: \"nats.jetstream.streams.BI_AGE.max-age\"")
					.names("Value: \"forever\"")
					.wayOut("'forever' is not a valid duration"),
				property("nats.jetstream.streams.BI_AGE.max-age=-1h").with("nats.jetstream.streams.BI_AGE.subjects=badinput.age")
					.says("Invalid value '-1h' of property 'nats.jetstream.streams.BI_AGE.max-age'")
					.wayOut("must not be null or negative"),
				property("nats.jetstream.streams.BI_BYTES.max-bytes=-5MB")
					.with("nats.jetstream.streams.BI_BYTES.subjects=badinput.bytes")
					.says("Invalid value '-5MB' of property 'nats.jetstream.streams.BI_BYTES.max-bytes'")
					.wayOut("must be greater than zero, or -1 for unlimited"),
				property("nats.jetstream.streams.BI_SIZE.max-msg-size=5GB")
					.with("nats.jetstream.streams.BI_SIZE.subjects=badinput.size")
					.says("Invalid value '5GB' of property 'nats.jetstream.streams.BI_SIZE.max-msg-size'")
					.wayOut("must be less than 2GB"),
				property("nats.jetstream.streams.BI_SUBJECTS.subjects=badinput..subjects")
					.says("Invalid value 'badinput..subjects' of property 'nats.jetstream.streams.BI_SUBJECTS.subjects'")
					.wayOut("token 2 is empty"),
				property("nats.jetstream.streams.[BI.DOT].subjects=badinput.dot")
					.says("Invalid name in 'nats.jetstream.streams.BI.DOT'")
					.wayOut("cannot include '*', '.', '>'"),
				server("nats.jetstream.streams.BI_OVERLAP_A/_B.subjects=badinput.overlap.> / badinput.overlap.*")
					.with("nats.jetstream.streams.BI_OVERLAP_A.subjects=badinput.overlap.>")
					.with("nats.jetstream.streams.BI_OVERLAP_B.subjects=badinput.overlap.*")
					.says("its subjects [badinput.overlap.>] overlap with those of stream 'BI_OVERLAP_B'")
					.wayOut("change the subjects of one of them"),
				property("nats.jetstream.key-value.BI_KV.history=100")
					.says("Invalid value '100' of property 'nats.jetstream.key-value.BI_KV.history'")
					.wayOut("must be between 1 and 64"),
				// Handler settings
				property("nats.jetstream.consumer-defaults.backoff.delay=-1s").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid value '-1s' of property 'nats.jetstream.consumer-defaults.backoff.delay'")
					.wayOut("must not be negative"),
				property("nats.jetstream.consumer-defaults.backoff.multiplier=0.5").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid value '0.5' of property 'nats.jetstream.consumer-defaults.backoff.multiplier'")
					.wayOut("must be at least 1"),
				property("nats.jetstream.consumer-defaults.backoff.max-delay=100ms").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid value '100ms' of property 'nats.jetstream.consumer-defaults.backoff.max-delay'")
					.wayOut("must not be less than 'delay'"),
				property("nats.jetstream.consumer-defaults.backoff.jitter=2").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("of property 'nats.jetstream.consumer-defaults.backoff.jitter'")
					.names("'2.0'")
					.wayOut("must be between 0 and 1"),
				property("nats.jetstream.consumer-defaults.backoff.delays=1s,-1s").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid value '1s,-1s' of property 'nats.jetstream.consumer-defaults.backoff.delays'")
					.wayOut("must not be negative"),
				property("nats.jetstream.consumer-defaults.deliver-policy=sometimes").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Property: nats.jetstream.consumer-defaults.deliver-policy")
					.names("Value: \"sometimes\"")
					.wayOut("expected all, new, last, last-per-subject or by-start-time=<ISO-8601 instant>"),
				property("nats.jetstream.consumer-defaults.concurrency=100000").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid concurrency '100000' of handler 'orderHandler-on' (OrderHandler.on(String)), from the "
							+ "default ('nats.jetstream.consumer-defaults.concurrency')")
					.wayOut("must be between 1 and 1000"),
				property("nats.jetstream.consumer-defaults.max-deliver=0").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid maxDeliver '0' of handler 'orderHandler-on'")
					.names("'nats.jetstream.consumer-defaults.max-deliver'")
					.wayOut("must be at least 1"),
				property("nats.jetstream.consumer-defaults.ack-wait=0s").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid ackWait '0s' of handler 'orderHandler-on'")
					.names("'nats.jetstream.consumer-defaults.ack-wait'")
					.wayOut("must be at least 1ms"),
				property("nats.jetstream.handlers.orderHandler-onn.concurrency=2").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Property 'nats.jetstream.handlers.orderHandler-onn' configures no handler")
					.wayOut("Write the id of the handler meant (closest: 'orderHandler-on')"),
				property("nats.jetstream.handlers.orderHandler-on.max-ack-pending=0").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid maxAckPending '0' of handler 'orderHandler-on' (OrderHandler.on(String)), from "
							+ "property 'nats.jetstream.handlers.orderHandler-on.max-ack-pending'")
					.wayOut("must be at least 1"),
				property("nats.jetstream.handlers.orderHandler-on.deliver-policy=by-start-time=yesterday")
					.with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Origin: \"nats.jetstream.handlers.orderHandler-on.deliver-policy\"")
					.names("Value: \"by-start-time=yesterday\"")
					.wayOut("by-start-time=<ISO-8601 instant>"),
				property("nats.jetstream.handlers.orderHandler-on.error-classifier=noSuchBean").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid errorClassifier 'noSuchBean' of handler 'orderHandler-on'")
					.names("'nats.jetstream.handlers.orderHandler-on.error-classifier'")
					.wayOut("is not an ErrorClassifier bean"),
				property("nats.jetstream.handlers.orderHandler-on.backoff=1s,-5s").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Failed to bind properties under 'nats.jetstream.handlers.orderhandler-on'")
					.names("Invalid backoff '1s,-5s'")
					.wayOut("must not be negative"),
				property("nats.jetstream.shutdown-timeout=40s").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("nats.jetstream.shutdown-timeout (40s) leaves less than 5s within "
							+ "spring.lifecycle.timeout-per-shutdown-phase (30s)")
					.wayOut("set nats.jetstream.shutdown-timeout to at most 25s"),
				property("nats.jetstream.dead-letter.subject=badinput-dlq.{stream}.>").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid dead-letter subject 'badinput-dlq.{stream}.>' in nats.jetstream.dead-letter.subject")
					.names("nats.jetstream.dead-letter.subject")
					.wayOut("it cannot contain the wildcard '>'"),
				property("nats.jetstream.dead-letter.subjects=badinput-dlq..>")
					.with("nats.jetstream.dead-letter.stream=BI_DLQ_SUBJECTS")
					.with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid value 'badinput-dlq..>' of property 'nats.jetstream.dead-letter.subjects'")
					.wayOut("token 2 is empty"),
				property("nats.jetstream.dead-letter.stream=BI.DLQ").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid value 'BI.DLQ' of property 'nats.jetstream.dead-letter.stream'")
					.wayOut("cannot include '*', '.', '>'"),
				// Annotations
				annotation("@NatsHandler(\"badinput..orders\")", "invalidSubjectHandler", InvalidSubjectHandler.class)
					.says("Invalid subject in subjects of InvalidSubjectHandler.on(String)")
					.names("'badinput..orders'")
					.wayOut("token 2 is empty"),
				annotation("@NatsHandler(\"${badinput.none:}\")", "noSubjectHandler", NoSubjectHandler.class)
					.says("Invalid subject '' in subjects of NoSubjectHandler.on(String)")
					.wayOut("a subject must not be empty"),
				annotation("@NatsHandler(durable = \"orders.worker\")", "invalidDurableHandler",
						InvalidDurableHandler.class)
					.with(ORDERS_STREAM)
					.says("Durable name 'orders.worker' of handler InvalidDurableHandler.on(String) is not valid")
					.wayOut("nor contain whitespace, '.', '*', '>'"),
				annotation("@NatsHandler(ackWait = \"soon\")", "badAckWaitHandler", BadAckWaitHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid attribute 'ackWait' ('soon') of handler 'badAckWaitHandler-on'")
					.names("BadAckWaitHandler.on(String)")
					.wayOut("expected a duration such as '10s'"),
				property("nats.jetstream.handlers.orderHandler-on.batch-size=10").with(ORDERS_STREAM)
					.bean("orderHandler", OrderHandler.class)
					.says("Invalid batchSize of handler 'orderHandler-on' (OrderHandler.on(String)), from property "
							+ "'nats.jetstream.handlers.orderHandler-on.batch-size'")
					.wayOut("remove the setting or make the method take a List<...>"),
				annotation("@NatsHandler(batchSize = \"5000\") on(List<String>)", "bigBatchHandler",
						BigBatchHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid batchSize '5000' of handler 'bigBatchHandler-on' (BigBatchHandler.on(List))")
					.names("attribute 'batchSize' of @NatsHandler")
					.wayOut("lower batchSize or raise maxAckPending"),
				annotation("@NatsRoute on(List<String>)", "routedBatchHandler", RoutedBatchHandler.class)
					.with(ORDERS_STREAM)
					.says("@NatsRoute method RoutedBatchHandler.on(List) takes a List")
					.wayOut("batch handlers are method-level @NatsHandler methods"),
				annotation("@NatsHandler(concurrency = \"many\")", "badConcurrencyHandler", BadConcurrencyHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid attribute 'concurrency' ('many') of handler 'badConcurrencyHandler-on'")
					.names("BadConcurrencyHandler.on(String)")
					.wayOut("expected a whole number"),
				annotation("@NatsHandler(autoStartup = \"yes\")", "badAutoStartupHandler", BadAutoStartupHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid attribute 'autoStartup' ('yes') of handler 'badAutoStartupHandler-on'")
					.names("BadAutoStartupHandler.on(String)")
					.wayOut("expected true or false"),
				annotation("@NatsHandler(backoff = \"1s, -1s\")", "badBackoffHandler", BadBackoffHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid attribute 'backoff' ('1s, -1s') of handler 'badBackoffHandler-on'")
					.names("BadBackoffHandler.on(String)")
					.wayOut("must not be negative"),
				annotation("@NatsHandler(deliverPolicy = \"first\")", "badDeliverPolicyHandler",
						BadDeliverPolicyHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid attribute 'deliverPolicy' ('first') of handler 'badDeliverPolicyHandler-on'")
					.names("BadDeliverPolicyHandler.on(String)")
					.wayOut("expected all, new, last, last-per-subject"),
				annotation("@NatsHandler(maxDeliver = \"0\")", "zeroMaxDeliverHandler", ZeroMaxDeliverHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid maxDeliver '0' of handler 'zeroMaxDeliverHandler-on' (ZeroMaxDeliverHandler.on(String)), "
							+ "from attribute 'maxDeliver' of @NatsHandler")
					.wayOut("must be at least 1"),
				annotation("@NatsHandler(errorClassifier = \"noSuchBean\")", "missingClassifierHandler",
						MissingClassifierHandler.class)
					.with(ORDERS_STREAM)
					.says("Invalid errorClassifier 'noSuchBean' of handler 'missingClassifierHandler-on'")
					.names("MissingClassifierHandler.on(String)", "attribute 'errorClassifier' of @NatsHandler")
					.wayOut("is not an ErrorClassifier bean"),
				annotation("two handlers with @NatsHandler(durable = \"bi-same\")", "sameDurableA", SameDurableA.class)
					.bean("sameDurableB", SameDurableB.class)
					.with(ORDERS_STREAM)
					.says("Handlers SameDurableA.on(String) and SameDurableB.on(String) resolve to the same durable "
							+ "consumer 'bi-same'")
					.wayOut("give one of them another durable name"),
				annotation("two handlers with @NatsHandler(id = \"bi-same-id\")", "sameIdA", SameIdA.class)
					.bean("sameIdB", SameIdB.class)
					.with(ORDERS_STREAM)
					.says("Handlers SameIdA.on(String) and SameIdB.on(String) have the same id 'bi-same-id'")
					.wayOut("give one another id"),
				annotation("@NatsRoute without @NatsHandler on the class", "routeWithoutHandler",
						RouteWithoutHandler.class)
					.says("@NatsRoute methods [created] of bean 'routeWithoutHandler' (RouteWithoutHandler)")
					.wayOut("need @NatsHandler on the class"),
				annotation("class-level @NatsHandler without @NatsRoute", "handlerWithoutRoutes", HandlerWithoutRoutes.class)
					.with(ORDERS_STREAM)
					.says("Class-level @NatsHandler on HandlerWithoutRoutes has no @NatsRoute method")
					.wayOut("annotate the methods that handle the class's subjects with @NatsRoute"),
				annotation("two @NatsRoute(\"badinput.orders.*\") in one class", "ambiguousRoutes", AmbiguousRoutes.class)
					.with(ORDERS_STREAM)
					.says("Ambiguous routes: AmbiguousRoutes.first(String) and AmbiguousRoutes.second(String)")
					.names("'badinput.orders.*'")
					.wayOut("give one of them a more specific pattern"),
				annotation("@NatsRoute(\"badinput.orders.>.x\")", "invalidRoute", InvalidRoute.class).with(ORDERS_STREAM)
					.says("Invalid subject in @NatsRoute of InvalidRoute.created(String)")
					.names("'badinput.orders.>.x'")
					.wayOut("'>' may only be the last token"),
				annotation("@NatsHandler(\"badinput.nostream.*\")", "noStreamHandler", NoStreamHandler.class)
					.says("No stream captures subjects [badinput.nostream.*] of handler NoStreamHandler.on(String)")
					.wayOut("declare one under nats.jetstream.streams.<name>.subjects"),
				annotation("@NatsHandler(stream = \"BI_NOPE\")", "unknownStreamHandler", UnknownStreamHandler.class)
					.with(ORDERS_STREAM)
					.says("stream 'BI_NOPE' does not exist")
					.names("UnknownStreamHandler.on(String)")
					.wayOut("Declare it under nats.jetstream.streams.BI_NOPE"),
				annotation("@NatsHandler({\"badinput.orders.a\", \"badinput.orders.b\"})", "twoSubjectsHandler",
						TwoSubjectsHandler.class)
					.with(ORDERS_STREAM)
					.onServersBelow("2.10")
					.says("Handler TwoSubjectsHandler.on(String) consumes 2 subjects")
					.wayOut("upgrade nats-server to 2.10 or later"));
	}

	static class OrderHandler {

		@NatsHandler("badinput.orders.*")
		void on(String payload) {
		}

	}

	static class BigBatchHandler {

		@NatsHandler(value = "badinput.orders.*", batchSize = "5000")
		void on(java.util.List<String> batch) {
		}

	}

	@NatsHandler("badinput.orders.*")
	static class RoutedBatchHandler {

		@io.github.natsjetstream.annotation.NatsRoute("badinput.orders.*")
		void on(java.util.List<String> batch) {
		}

	}

	static class InvalidSubjectHandler {

		@NatsHandler("badinput..orders")
		void on(String payload) {
		}

	}

	static class NoSubjectHandler {

		@NatsHandler("${badinput.none:}")
		void on(String payload) {
		}

	}

	static class InvalidDurableHandler {

		@NatsHandler(value = "badinput.orders.*", durable = "orders.worker")
		void on(String payload) {
		}

	}

	static class BadAckWaitHandler {

		@NatsHandler(value = "badinput.orders.*", ackWait = "soon")
		void on(String payload) {
		}

	}

	static class BadConcurrencyHandler {

		@NatsHandler(value = "badinput.orders.*", concurrency = "many")
		void on(String payload) {
		}

	}

	static class BadAutoStartupHandler {

		@NatsHandler(value = "badinput.orders.*", autoStartup = "yes")
		void on(String payload) {
		}

	}

	static class BadBackoffHandler {

		@NatsHandler(value = "badinput.orders.*", backoff = "1s, -1s")
		void on(String payload) {
		}

	}

	static class BadDeliverPolicyHandler {

		@NatsHandler(value = "badinput.orders.*", deliverPolicy = "first")
		void on(String payload) {
		}

	}

	static class ZeroMaxDeliverHandler {

		@NatsHandler(value = "badinput.orders.*", maxDeliver = "0")
		void on(String payload) {
		}

	}

	static class SameDurableA {

		@NatsHandler(value = "badinput.orders.a", durable = "bi-same")
		void on(String payload) {
		}

	}

	static class SameDurableB {

		@NatsHandler(value = "badinput.orders.b", durable = "bi-same")
		void on(String payload) {
		}

	}

	static class SameIdA {

		@NatsHandler(value = "badinput.orders.a", id = "bi-same-id")
		void on(String payload) {
		}

	}

	static class SameIdB {

		@NatsHandler(value = "badinput.orders.b", id = "bi-same-id")
		void on(String payload) {
		}

	}

	static class RouteWithoutHandler {

		@NatsRoute("badinput.orders.created")
		void created(String payload) {
		}

	}

	@NatsHandler("badinput.orders.*")
	static class HandlerWithoutRoutes {

	}

	@NatsHandler("badinput.orders.*")
	static class AmbiguousRoutes {

		@NatsRoute("badinput.orders.*")
		void first(String payload) {
		}

		@NatsRoute("badinput.orders.*")
		void second(String payload) {
		}

	}

	@NatsHandler("badinput.orders.*")
	static class InvalidRoute {

		@NatsRoute("badinput.orders.>.x")
		void created(String payload) {
		}

	}

	static class NoStreamHandler {

		@NatsHandler("badinput.nostream.*")
		void on(String payload) {
		}

	}

	static class UnknownStreamHandler {

		@NatsHandler(value = "badinput.orders.*", stream = "BI_NOPE")
		void on(String payload) {
		}

	}

	static class MissingClassifierHandler {

		@NatsHandler(value = "badinput.orders.*", errorClassifier = "noSuchBean")
		void on(String payload) {
		}

	}

	static class TwoSubjectsHandler {

		@NatsHandler({ "badinput.orders.a", "badinput.orders.b" })
		void on(String payload) {
		}

	}

}

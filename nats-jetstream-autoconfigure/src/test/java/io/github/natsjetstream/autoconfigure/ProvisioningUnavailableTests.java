package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.provisioning.ProvisioningOutcome;
import io.github.natsjetstream.provisioning.ProvisioningReport;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.natsjetstream.autoconfigure.ProvisioningTestSupport.provisioningFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning when the JetStream API cannot be used: no JetStream on the server, none
 * for the account, or no permission to manage streams.
 */
class ProvisioningUnavailableTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.create((server) -> server.config("""
			accounts {
			  APP {
			    jetstream: enabled
			    users: [
			      { user: admin, password: admin }
			      { user: reader, password: reader,
			        permissions: { publish: { deny: ["$JS.API.STREAM.CREATE.>", "$JS.API.STREAM.UPDATE.>"] } } }
			    ]
			  }
			  NOJS {
			    users: [ { user: nojs, password: nojs } ]
			  }
			}
			"""));

	@Test
	void serverWithoutJetStreamFailsStartupNamingTheCause() {
		try (NatsServer server = NatsServer.builder().jetStream(false).start()) {
			ProvisioningTestSupport.contextRunner(server.url())
				.withPropertyValues("nats.jetstream.request-timeout=500ms",
						"nats.jetstream.streams.NO_JETSTREAM.subjects=no.jetstream.>")
				.run((context) -> assertThat(provisioningFailure(context).getMessage())
					.startsWith("Unable to provision stream 'NO_JETSTREAM': the NATS server ")
					.contains("does not have JetStream enabled. Start nats-server with JetStream"));
		}
	}

	@Test
	void accountWithoutJetStreamFailsStartupNamingTheCause() {
		ProvisioningTestSupport.contextRunner(nats.url())
			.withPropertyValues("nats.username=nojs", "nats.password=nojs",
					"nats.jetstream.streams.NO_ACCOUNT_JETSTREAM.subjects=no.account.>")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.isEqualTo("Unable to provision stream 'NO_ACCOUNT_JETSTREAM': JetStream is not enabled for this "
						+ "account (JetStream not enabled for account [10039]). Enable JetStream for the account in "
						+ "the server configuration, or set nats.jetstream.provisioning.mode=none."));
	}

	@Test
	void userWithoutManagementPermissionFailsStartupNamingTheCause() {
		ProvisioningTestSupport.contextRunner(nats.url())
			.withPropertyValues("nats.username=reader", "nats.password=reader", "nats.jetstream.request-timeout=500ms",
					"nats.jetstream.streams.NO_PERMISSION.subjects=no.permission.>")
			.run((context) -> assertThat(provisioningFailure(context).getMessage())
				.startsWith("Unable to provision stream 'NO_PERMISSION': the user has no permission to use the "
						+ "JetStream management API (the server said: Permissions Violation for Publish to "
						+ "\"$JS.API.STREAM.CREATE.NO_PERMISSION\")")
				.contains("set nats.jetstream.provisioning.mode=validate"));
	}

	@Test
	void userWithoutManagementPermissionCanValidate() throws Exception {
		Options admin = new Options.Builder().server(nats.url()).userInfo("admin", "admin").build();
		try (Connection connection = Nats.connect(admin)) {
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder()
					.name("READ_ONLY")
					.subjects("read.only.>")
					.storageType(StorageType.Memory)
					.build());
		}
		ProvisioningTestSupport.contextRunner(nats.url())
			.withPropertyValues("nats.username=reader", "nats.password=reader",
					"nats.jetstream.provisioning.mode=validate",
					"nats.jetstream.streams.READ_ONLY.subjects=read.only.>",
					"nats.jetstream.streams.READ_ONLY.storage=memory")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ProvisioningReport.class).getResults().get(0).outcome())
					.isEqualTo(ProvisioningOutcome.UNCHANGED);
			});
	}

}

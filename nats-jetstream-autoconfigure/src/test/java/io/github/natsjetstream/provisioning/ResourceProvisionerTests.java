package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.support.NatsServerFeatures;
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ServerInfo;
import io.nats.client.api.StreamInfo;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The provisioning algorithm, with a resource whose server side is scripted: the paths
 * that a real server only takes under races or failures.
 */
class ResourceProvisionerTests {

	private final Connection connection = mock(Connection.class);

	private final ResourceProvisioner provisioner = new ResourceProvisioner(this.connection,
			mock(JetStreamManagement.class),
			new NatsServerFeatures(this.connection, mock(JetStreamManagement.class)));

	@Test
	void resourceNeedingFeaturesTheServerLacksIsRefusedBeforeAnyRequestNamingEachSetting() {
		given(this.connection.getServerInfo()).willReturn(new ServerInfo("INFO {\"version\":\"2.9.10\"}"));
		ScriptedResource resource = new ScriptedResource("wanted").reads((String) null)
			.requires("nats.jetstream.streams.ORDERS.compression", ServerFeature.COMPRESSION)
			.requires("nats.jetstream.streams.ORDERS.allow-msg-ttl", ServerFeature.MESSAGE_TTL);
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessage("Stream 'ORDERS' cannot be provisioned on nats-server 2.9.10: "
					+ "nats.jetstream.streams.ORDERS.compression needs nats-server 2.10 or later (compression), "
					+ "nats.jetstream.streams.ORDERS.allow-msg-ttl needs nats-server 2.11 or later (per-message TTL). "
					+ "Nothing was created or changed. Upgrade the server, or remove these settings.");
		assertThat(resource.reads).as("reads left").hasSize(1);
		assertThat(resource.writes).isEmpty();
	}

	@Test
	void resourceNeedingFeaturesTheServerHasIsApplied() {
		given(this.connection.getServerInfo()).willReturn(new ServerInfo("INFO {\"version\":\"2.11.0-RC.1\"}"));
		ScriptedResource resource = new ScriptedResource("wanted").reads((String) null)
			.requires("nats.jetstream.streams.ORDERS.allow-msg-ttl", ServerFeature.MESSAGE_TTL);
		assertThat(this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE).outcome())
			.isEqualTo(ProvisioningOutcome.CREATED);
	}

	@Test
	void missingResourceIsCreated() {
		ScriptedResource resource = new ScriptedResource("wanted").reads((String) null);
		assertThat(this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE).outcome())
			.isEqualTo(ProvisioningOutcome.CREATED);
		assertThat(resource.writes).containsExactly("create");
	}

	@Test
	void createLostToAnotherInstanceWithTheSameDeclarationIsUnchanged() {
		ScriptedResource resource = new ScriptedResource("wanted").reads(null, "wanted")
			.failsToCreate(apiError(10058, "stream name already in use with a different configuration"));
		assertThat(this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE).outcome())
			.isEqualTo(ProvisioningOutcome.UNCHANGED);
		assertThat(resource.writes).containsExactly("create");
	}

	@Test
	void createLostToAnotherInstanceWithAnotherDeclarationIsComparedAndUpdated() {
		ScriptedResource resource = new ScriptedResource("wanted").reads(null, "older")
			.failsToCreate(apiError(10058, "stream name already in use with a different configuration"));
		ProvisioningResult result = this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE);
		assertThat(result.outcome()).isEqualTo(ProvisioningOutcome.UPDATED);
		assertThat(result.differences()).containsExactly(new ConfigurationDifference("value", "older", "wanted", true));
		assertThat(resource.writes).containsExactly("create", "update older");
	}

	@Test
	void createRefusedForAnotherReasonNamesTheServersReason() {
		ScriptedResource resource = new ScriptedResource("wanted").reads((String) null)
			.failsToCreate(apiError(10052, "roll-ups require the purge permission"));
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessage("Stream 'ORDERS' could not be created: the server refused (roll-ups require the purge "
					+ "permission [10052]).");
	}

	@Test
	void matchingResourceIsLeftAlone() {
		ScriptedResource resource = new ScriptedResource("wanted").reads("wanted");
		assertThat(this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE).outcome())
			.isEqualTo(ProvisioningOutcome.UNCHANGED);
		assertThat(resource.writes).isEmpty();
	}

	@Test
	void immutableDifferenceIsNeverSentToTheServer() {
		ScriptedResource resource = new ScriptedResource("immutable-wanted").reads("current");
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessageStartingWith("Stream 'ORDERS' cannot be updated in place: JetStream cannot change these fields "
					+ "of an existing stream: value: current -> immutable-wanted (server -> declared). Nothing was "
					+ "changed. Ways out: ");
		assertThat(resource.writes).isEmpty();
	}

	@Test
	void validateModeNeverWrites() {
		ScriptedResource missing = new ScriptedResource("wanted").reads((String) null);
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(missing, ProvisioningMode.VALIDATE))
			.withMessageStartingWith("Stream 'ORDERS' does not exist.");
		ScriptedResource drifted = new ScriptedResource("wanted").reads("current");
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(drifted, ProvisioningMode.VALIDATE))
			.withMessageStartingWith("Stream 'ORDERS' differs from its declaration (server -> declared): value: "
					+ "current -> wanted.");
		assertThat(missing.writes).isEmpty();
		assertThat(drifted.writes).isEmpty();
	}

	@Test
	void jetStreamNotEnabledForTheAccountStopsProvisioning() {
		ScriptedResource resource = new ScriptedResource("wanted")
			.failsToRead(apiError(10039, "JetStream not enabled for account"));
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessageStartingWith("Unable to provision stream 'ORDERS': JetStream is not enabled for this account")
			.satisfies((failure) -> assertThat(failure.isFatal()).isTrue());
	}

	@Test
	void noResponseFromAServerWithoutJetStreamSaysSo() {
		given(this.connection.getStatus()).willReturn(Connection.Status.CONNECTED);
		given(this.connection.getServerInfo()).willReturn(
				new ServerInfo("{\"server_name\":\"n1\",\"host\":\"127.0.0.1\",\"port\":4222,\"jetstream\":false}"));
		ScriptedResource resource = new ScriptedResource("wanted")
			.failsToRead(new IOException("Timeout or no response waiting for NATS JetStream server"));
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessageStartingWith("Unable to provision stream 'ORDERS': the NATS server 'n1' (127.0.0.1:4222) "
					+ "does not have JetStream enabled.")
			.satisfies((failure) -> assertThat(failure.isFatal()).isTrue());
	}

	@Test
	void noResponseAfterAPermissionsViolationSaysSo() {
		given(this.connection.getStatus()).willReturn(Connection.Status.CONNECTED);
		given(this.connection.getServerInfo()).willReturn(new ServerInfo("{\"jetstream\":true}"));
		given(this.connection.getLastError())
			.willReturn("Permissions Violation for Publish to \"$JS.API.STREAM.INFO.ORDERS\"");
		ScriptedResource resource = new ScriptedResource("wanted")
			.failsToRead(new IOException("Timeout or no response waiting for NATS JetStream server"));
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessageStartingWith("Unable to provision stream 'ORDERS': the user has no permission to use the "
					+ "JetStream management API (the server said: Permissions Violation for Publish to "
					+ "\"$JS.API.STREAM.INFO.ORDERS\").");
	}

	@Test
	void noResponseForAnotherReasonSaysWhatToCheck() {
		given(this.connection.getStatus()).willReturn(Connection.Status.CONNECTED);
		given(this.connection.getServerInfo()).willReturn(new ServerInfo("{\"jetstream\":true}"));
		ScriptedResource resource = new ScriptedResource("wanted")
			.failsToRead(new IOException("Timeout or no response waiting for NATS JetStream server"));
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessageStartingWith("Unable to provision stream 'ORDERS': no response from the JetStream API "
					+ "(Timeout or no response waiting for NATS JetStream server).");
	}

	@Test
	void noResponseWhileDisconnectedSaysSo() {
		given(this.connection.getStatus()).willReturn(Connection.Status.RECONNECTING);
		ScriptedResource resource = new ScriptedResource("wanted")
			.failsToRead(new IOException("Timeout or no response waiting for NATS JetStream server"));
		assertThatExceptionOfType(ProvisioningException.class)
			.isThrownBy(() -> this.provisioner.apply(resource, ProvisioningMode.CREATE_OR_UPDATE))
			.withMessageStartingWith("Unable to provision stream 'ORDERS': not connected to NATS (connection "
					+ "reconnecting).");
	}

	private static JetStreamApiException apiError(int code, String description) {
		try {
			StreamInfo response = new StreamInfo(JsonParser.parse("{\"error\":{\"code\":400,\"err_code\":" + code
					+ ",\"description\":\"" + description + "\"}}"));
			return new JetStreamApiException(response.getErrorObject());
		}
		catch (JsonParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A stream whose configuration is a single string; a wanted value starting with
	 * {@code immutable} cannot be applied in place.
	 */
	private static final class ScriptedResource implements ProvisionedResource<String> {

		private final String wanted;

		final Deque<@Nullable Object> reads = new ArrayDeque<>();

		private @Nullable JetStreamApiException createFailure;

		private final Map<String, ServerFeature> requiredFeatures = new LinkedHashMap<>();

		final List<String> writes = new ArrayList<>();

		ScriptedResource(String wanted) {
			this.wanted = wanted;
		}

		ScriptedResource reads(@Nullable String... values) {
			for (String value : values) {
				this.reads.add((value != null) ? value : Missing.INSTANCE);
			}
			return this;
		}

		ScriptedResource failsToRead(Exception failure) {
			this.reads.add(failure);
			return this;
		}

		ScriptedResource requires(String setting, ServerFeature feature) {
			this.requiredFeatures.put(setting, feature);
			return this;
		}

		ScriptedResource failsToCreate(JetStreamApiException failure) {
			this.createFailure = failure;
			return this;
		}

		@Override
		public ResourceType getType() {
			return ResourceType.STREAM;
		}

		@Override
		public String getName() {
			return "ORDERS";
		}

		@Override
		public List<String> getSubjects() {
			return List.of("orders.>");
		}

		@Override
		public Map<String, ServerFeature> getRequiredFeatures() {
			return this.requiredFeatures;
		}

		@Override
		public @Nullable String read() throws IOException, JetStreamApiException {
			Object next = this.reads.remove();
			if (next instanceof IOException ex) {
				throw ex;
			}
			if (next instanceof JetStreamApiException ex) {
				throw ex;
			}
			return (next instanceof String value) ? value : null;
		}

		@Override
		public void create() throws JetStreamApiException {
			this.writes.add("create");
			if (this.createFailure != null) {
				throw this.createFailure;
			}
		}

		@Override
		public void update(String current) {
			this.writes.add("update " + current);
		}

		@Override
		public List<ConfigurationDifference> compare(String current) {
			return current.equals(this.wanted) ? List.of()
					: List.of(new ConfigurationDifference("value", current, this.wanted,
							!this.wanted.startsWith("immutable")));
		}

		private enum Missing {

			INSTANCE

		}

	}

}

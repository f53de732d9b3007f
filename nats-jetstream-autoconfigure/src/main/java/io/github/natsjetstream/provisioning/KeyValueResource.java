package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.support.ApiErrorCodes;
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * A declared key-value bucket, read and written through {@link KeyValueManagement}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class KeyValueResource implements ProvisionedResource<KeyValueConfiguration> {

	private final KeyValueManagement management;

	private final NatsKeyValue declaration;

	private final ManagedMetadata managedMetadata;

	KeyValueResource(KeyValueManagement management, NatsKeyValue declaration, ManagedMetadata managedMetadata) {
		this.management = management;
		this.declaration = declaration;
		this.managedMetadata = managedMetadata;
	}

	@Override
	public ResourceType getType() {
		return ResourceType.KEY_VALUE;
	}

	@Override
	public String getName() {
		return this.declaration.getBucket();
	}

	@Override
	public String getStreamName() {
		return "KV_" + getName();
	}

	@Override
	public List<String> getSubjects() {
		return this.declaration.getConfiguration().getBackingConfig().getSubjects();
	}

	@Override
	public Map<String, ServerFeature> getRequiredFeatures() {
		return this.declaration.getRequiredFeatures();
	}

	@Override
	public @Nullable KeyValueConfiguration read() throws IOException, JetStreamApiException {
		try {
			return this.management.getStatus(getName()).getConfiguration();
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ApiErrorCodes.STREAM_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	@Override
	public void create() throws IOException, JetStreamApiException {
		this.management.create(managed(this.declaration.getConfiguration()));
	}

	@Override
	public void update(KeyValueConfiguration current) throws IOException, JetStreamApiException {
		this.management.update(managed(this.declaration.merge(current)));
	}

	private KeyValueConfiguration managed(KeyValueConfiguration configuration) {
		return NatsKeyValue.copy(configuration)
			.metadata(this.managedMetadata.addTo(configuration.getMetadata()))
			.build();
	}

	@Override
	public List<ConfigurationDifference> compare(KeyValueConfiguration current) {
		return this.declaration.compare(current);
	}

}

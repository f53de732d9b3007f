package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.List;

import io.github.natsjetstream.support.ApiErrorCodes;
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

	KeyValueResource(KeyValueManagement management, NatsKeyValue declaration) {
		this.management = management;
		this.declaration = declaration;
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
		this.management.create(this.declaration.getConfiguration());
	}

	@Override
	public void update(KeyValueConfiguration current) throws IOException, JetStreamApiException {
		this.management.update(this.declaration.merge(current));
	}

	@Override
	public List<ConfigurationDifference> compare(KeyValueConfiguration current) {
		return this.declaration.compare(current);
	}

}

package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.support.ApiErrorCodes;
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * A declared stream, read and written through {@link JetStreamManagement}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class StreamResource implements ProvisionedResource<StreamConfiguration> {

	private final JetStreamManagement management;

	private final NatsStream declaration;

	private final ManagedMetadata managedMetadata;

	StreamResource(JetStreamManagement management, NatsStream declaration, ManagedMetadata managedMetadata) {
		this.management = management;
		this.declaration = declaration;
		this.managedMetadata = managedMetadata;
	}

	@Override
	public ResourceType getType() {
		return ResourceType.STREAM;
	}

	@Override
	public String getName() {
		return this.declaration.getName();
	}

	@Override
	public List<String> getSubjects() {
		List<String> subjects = this.declaration.getConfiguration().getSubjects();
		return (subjects.isEmpty()) ? List.of(getName()) : subjects;
	}

	@Override
	public Map<String, ServerFeature> getRequiredFeatures() {
		return this.declaration.getRequiredFeatures();
	}

	@Override
	public @Nullable StreamConfiguration read() throws IOException, JetStreamApiException {
		try {
			return this.management.getStreamInfo(getName()).getConfiguration();
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
		this.management.addStream(managed(this.declaration.getConfiguration()));
	}

	@Override
	public void update(StreamConfiguration current) throws IOException, JetStreamApiException {
		this.management.updateStream(managed(this.declaration.merge(current)));
	}

	private StreamConfiguration managed(StreamConfiguration configuration) {
		return StreamConfiguration.builder(configuration)
			.metadata(this.managedMetadata.addTo(configuration.getMetadata()))
			.build();
	}

	@Override
	public List<ConfigurationDifference> compare(StreamConfiguration current) {
		return this.declaration.compare(current);
	}

}

package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.List;

import io.github.natsjetstream.support.ApiErrorCodes;
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

	StreamResource(JetStreamManagement management, NatsStream declaration) {
		this.management = management;
		this.declaration = declaration;
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
		this.management.addStream(this.declaration.getConfiguration());
	}

	@Override
	public void update(StreamConfiguration current) throws IOException, JetStreamApiException {
		this.management.updateStream(this.declaration.merge(current));
	}

	@Override
	public List<ConfigurationDifference> compare(StreamConfiguration current) {
		return this.declaration.compare(current);
	}

}

package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.support.ApiErrorCodes;
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The durable consumer of a handler, read and written through
 * {@link JetStreamManagement}, named {@code <stream> > <durable>}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ConsumerResource implements ProvisionedResource<ConsumerConfiguration> {

	private final JetStreamManagement management;

	private final String stream;

	private final ConsumerConfiguration declaration;

	private final String handler;

	private final Map<String, ServerFeature> requiredFeatures;

	private final ManagedMetadata managedMetadata;

	private final ConsumerListings listings;

	ConsumerResource(JetStreamManagement management, ConsumerListings listings, String stream,
			ConsumerConfiguration declaration, String handler, Map<String, ServerFeature> requiredFeatures,
			ManagedMetadata managedMetadata) {
		this.management = management;
		this.listings = listings;
		this.stream = stream;
		this.declaration = declaration;
		this.handler = handler;
		this.requiredFeatures = Map.copyOf(requiredFeatures);
		this.managedMetadata = managedMetadata;
	}

	@Override
	public ResourceType getType() {
		return ResourceType.CONSUMER;
	}

	@Override
	public String getName() {
		return this.stream + " > " + this.declaration.getDurable();
	}

	@Override
	public String getStreamName() {
		return this.stream;
	}

	@Override
	public List<String> getSubjects() {
		return this.declaration.getFilterSubjects();
	}

	@Override
	public Map<String, ServerFeature> getRequiredFeatures() {
		return this.requiredFeatures;
	}

	@Override
	public @Nullable ConsumerConfiguration read() throws IOException, JetStreamApiException {
		ConsumerConfiguration listed = this.listings.take(this.stream, this.declaration.getDurable());
		if (listed != null) {
			return listed;
		}
		try {
			return this.management.getConsumerInfo(this.stream, this.declaration.getDurable())
				.getConsumerConfiguration();
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ApiErrorCodes.CONSUMER_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	@Override
	public void create() throws IOException, JetStreamApiException {
		this.management.addOrUpdateConsumer(this.stream, marked());
	}

	@Override
	public void update(ConsumerConfiguration current) throws IOException, JetStreamApiException {
		this.management.addOrUpdateConsumer(this.stream, marked());
	}

	private ConsumerConfiguration marked() {
		return ConsumerConfiguration.builder(this.declaration)
			.metadata(this.managedMetadata.addTo(this.declaration.getMetadata()))
			.build();
	}

	@Override
	public List<ConfigurationDifference> compare(ConsumerConfiguration current) {
		return ConsumerFields.compare(current, this.declaration);
	}

	@Override
	public String describe() {
		return ResourceType.CONSUMER.describe(getName()) + " of handler " + this.handler;
	}

	@Override
	public String provenance(ConsumerConfiguration current) {
		String description = current.getDescription();
		boolean managed = description != null && description.startsWith(ConsumerFields.DESCRIPTION_PREFIX);
		return managed ? "" : " It was not made by @NatsHandler (description: '" + description + "').";
	}

	@Override
	public String waysOut() {
		return "Ways out: delete the consumer (nats consumer rm " + this.stream + " " + this.declaration.getDurable()
				+ ") to let it be recreated, or give the handler another durable name.";
	}

}

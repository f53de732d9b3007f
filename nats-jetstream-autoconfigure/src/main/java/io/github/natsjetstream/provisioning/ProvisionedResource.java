package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.JetStreamApiException;
import org.jspecify.annotations.Nullable;

/**
 * A declared resource as seen by {@link ResourceProvisioner}: how to read, create and
 * update it, and how to compare it with its declaration.
 *
 * @param <C> the type of the resource's configuration
 * @author NATS JetStream Spring Boot Starter contributors
 */
interface ProvisionedResource<C> {

	ResourceType getType();

	String getName();

	/**
	 * Return the subjects the resource would capture, to explain a subject overlap.
	 */
	List<String> getSubjects();

	/**
	 * Return the server features the declaration needs, by setting as the user wrote it.
	 */
	Map<String, ServerFeature> getRequiredFeatures();

	/**
	 * Read the resource; {@code null} if it does not exist.
	 */
	@Nullable C read() throws IOException, JetStreamApiException;

	void create() throws IOException, JetStreamApiException;

	void update(C current) throws IOException, JetStreamApiException;

	List<ConfigurationDifference> compare(C current);

	/**
	 * Describe the resource for messages, for example {@code Stream 'ORDERS'}.
	 */
	default String describe() {
		return getType().describe(getName());
	}

	/**
	 * Return the name of the stream that holds the resource.
	 */
	default String getStreamName() {
		return getName();
	}

	/**
	 * Say who made the resource on the server, when that explains a difference; empty
	 * when there is nothing to say.
	 */
	default String provenance(C current) {
		return "";
	}

	/**
	 * Return the ways out of a change JetStream cannot make in place.
	 */
	default String waysOut() {
		String noun = getType().getNoun();
		return "Ways out: declare the values the server has; or declare a " + noun + " under a new name and move "
				+ "publishers and consumers to it; or, if its data may be lost, delete the " + noun + " yourself (for "
				+ "example 'nats stream rm " + getStreamName() + "') and start again to create it anew. Provisioning "
				+ "never deletes or recreates a " + noun + ".";
	}

}

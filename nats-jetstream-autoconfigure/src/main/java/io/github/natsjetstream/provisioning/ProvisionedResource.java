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

}

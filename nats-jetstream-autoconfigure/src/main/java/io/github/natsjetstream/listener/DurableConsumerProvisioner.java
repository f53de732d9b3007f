package io.github.natsjetstream.listener;

import java.io.IOException;
import java.util.List;

import io.github.natsjetstream.provisioning.ConfigurationDifference;
import io.github.natsjetstream.provisioning.ConsumerFields;
import io.github.natsjetstream.support.ApiErrorCodes;
import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates a handler's durable consumer, or updates it in place when fields that
 * JetStream can update differ; refuses, naming the field, when one it cannot update
 * differs. Never deletes a consumer.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class DurableConsumerProvisioner {

	private static final Log logger = LogFactory.getLog(DurableConsumerProvisioner.class);


	private final JetStreamManagement management;

	/**
	 * Create a new instance.
	 * @param management the JetStream management context
	 */
	public DurableConsumerProvisioner(JetStreamManagement management) {
		this.management = management;
	}

	/**
	 * Create or update the consumer.
	 * @param stream the stream
	 * @param wanted the wanted configuration
	 * @param handler the handler, for logs and errors
	 * @return what was done
	 */
	public Outcome provision(String stream, ConsumerConfiguration wanted, String handler) {
		String durable = wanted.getDurable();
		String name = "'" + stream + " > " + durable + "'";
		ConsumerInfo existing = find(stream, durable, handler);
		if (existing == null) {
			apply(stream, wanted, handler, name);
			logger.info("Consumer " + name + " created for handler " + handler);
			return Outcome.CREATED;
		}
		List<ConfigurationDifference> differences = ConsumerFields.compare(existing.getConsumerConfiguration(), wanted);
		List<ConfigurationDifference> immutable = differences.stream().filter((d) -> !d.updatable()).toList();
		if (!immutable.isEmpty()) {
			throw new ConsumerConflictException("Consumer " + name + " of handler " + handler
					+ " exists with a configuration JetStream cannot update in place: "
					+ String.join("; ", immutable.stream().map(ConfigurationDifference::toString).toList())
					+ ((isMadeByUs(existing.getConsumerConfiguration())) ? ""
							: ". It was not made by @NatsHandler (description: '"
									+ existing.getConsumerConfiguration().getDescription() + "')")
					+ ". Ways out: delete the consumer (nats consumer rm " + stream + " " + durable
					+ ") to let it be recreated, or give the handler another durable name");
		}
		if (differences.isEmpty()) {
			return Outcome.UNCHANGED;
		}
		apply(stream, wanted, handler, name);
		for (ConfigurationDifference difference : differences) {
			logger.info("Consumer " + name + " updated: " + difference);
		}
		return Outcome.UPDATED;
	}

	private @Nullable ConsumerInfo find(String stream, String durable, String handler) {
		try {
			return this.management.getConsumerInfo(stream, durable);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == ApiErrorCodes.CONSUMER_NOT_FOUND) {
				return null;
			}
			throw new NatsJetStreamException("Could not read consumer '" + stream + " > " + durable + "' of handler "
					+ handler + ": " + ex.getErrorDescription(), ex);
		}
		catch (IOException ex) {
			throw new NatsJetStreamException(
					"Could not read consumer '" + stream + " > " + durable + "' of handler " + handler, ex);
		}
	}

	private void apply(String stream, ConsumerConfiguration wanted, String handler, String name) {
		try {
			this.management.addOrUpdateConsumer(stream, wanted);
		}
		catch (JetStreamApiException ex) {
			throw new ConsumerConflictException("The server refused consumer " + name + " of handler " + handler + ": "
					+ ex.getErrorDescription() + " (error " + ex.getApiErrorCode() + ")", ex);
		}
		catch (IOException ex) {
			throw new NatsJetStreamException("Could not create or update consumer " + name + " of handler " + handler,
					ex);
		}
	}

	private static boolean isMadeByUs(ConsumerConfiguration configuration) {
		String description = configuration.getDescription();
		return description != null && description.startsWith(ConsumerConfigurationFactory.DESCRIPTION_PREFIX);
	}

	/**
	 * What provisioning did to a consumer.
	 */
	public enum Outcome {

		/**
		 * The consumer did not exist and was created.
		 */
		CREATED,

		/**
		 * The consumer existed and was updated in place.
		 */
		UPDATED,

		/**
		 * The consumer existed as wanted; nothing was written.
		 */
		UNCHANGED

	}

}

package io.github.natsjetstream.provisioning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.natsjetstream.support.NatsServerFeatures;
import io.github.natsjetstream.support.ServerFeature;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.ConsumerConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Applies the declared streams and key-value buckets once, after all singletons exist
 * and before any lifecycle bean (such as a message listener container) starts, and the
 * durable consumer of each handler as its container starts, in the mode of its
 * {@link ProvisioningReport}. Every resource is applied even if another
 * fails; startup then fails with a {@link ProvisioningException} that lists every
 * failure. The outcome is logged at INFO and recorded in the report. What it creates or
 * updates carries the {@link ManagedMetadata}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class JetStreamProvisioner implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(JetStreamProvisioner.class);

	private final ResourceProvisioner resourceProvisioner;

	private final JetStreamManagement jetStreamManagement;

	private final KeyValueManagement keyValueManagement;

	private final ProvisioningReport report;

	private final ManagedMetadata managedMetadata;

	private final Supplier<? extends Collection<NatsStream>> streams;

	private final Supplier<? extends Collection<NatsKeyValue>> keyValues;

	private final ConsumerListings consumerListings;

	private final Object monitor = new Object();

	private boolean provisioned;

	/**
	 * Create a new instance.
	 * @param connection the connection, to diagnose an unavailable JetStream API
	 * @param jetStreamManagement the management context for streams
	 * @param keyValueManagement the management context for key-value buckets
	 * @param features what the connected server supports
	 * @param report the report to record into; its mode says how to apply
	 * @param managedMetadata the metadata to mark what is created or updated with
	 * @param streams supplies the declared streams when provisioning runs
	 * @param keyValues supplies the declared buckets when provisioning runs
	 */
	public JetStreamProvisioner(Connection connection, JetStreamManagement jetStreamManagement,
			KeyValueManagement keyValueManagement, NatsServerFeatures features, ProvisioningReport report,
			ManagedMetadata managedMetadata, Supplier<? extends Collection<NatsStream>> streams,
			Supplier<? extends Collection<NatsKeyValue>> keyValues) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(jetStreamManagement, "'jetStreamManagement' must not be null");
		Assert.notNull(keyValueManagement, "'keyValueManagement' must not be null");
		Assert.notNull(features, "'features' must not be null");
		Assert.notNull(report, "'report' must not be null");
		Assert.notNull(managedMetadata, "'managedMetadata' must not be null");
		Assert.notNull(streams, "'streams' must not be null");
		Assert.notNull(keyValues, "'keyValues' must not be null");
		this.resourceProvisioner = new ResourceProvisioner(connection, jetStreamManagement, features);
		this.jetStreamManagement = jetStreamManagement;
		this.consumerListings = new ConsumerListings(jetStreamManagement);
		this.keyValueManagement = keyValueManagement;
		this.report = report;
		this.managedMetadata = managedMetadata;
		this.streams = streams;
		this.keyValues = keyValues;
	}

	@Override
	public void afterSingletonsInstantiated() {
		provision();
	}

	/**
	 * Apply the declarations, unless that was already done. Called once all singletons
	 * exist, or earlier by the first use of a provisioned key-value bucket.
	 * @throws ProvisioningException if a declared resource could not be provisioned
	 */
	public void provision() {
		synchronized (this.monitor) {
			if (this.provisioned) {
				return;
			}
			this.provisioned = true;
			ProvisioningMode mode = this.report.getMode();
			if (mode == ProvisioningMode.NONE) {
				logger.debug("JetStream provisioning is disabled (nats.jetstream.provisioning.mode=none)");
				this.report.markComplete();
				return;
			}
			List<ProvisionedResource<?>> resources = resources();
			List<ProvisioningException> failures = new ArrayList<>();
			for (ProvisionedResource<?> resource : resources) {
				try {
					ProvisioningResult result = this.resourceProvisioner.apply(resource, mode);
					this.report.add(result);
					log(result, mode);
				}
				catch (ProvisioningException ex) {
					if (ex.isFatal()) {
						throw ex;
					}
					failures.add(ex);
				}
			}
			if (!failures.isEmpty()) {
				throw failure(failures, resources.size());
			}
			this.report.markComplete();
			if (!resources.isEmpty() && logger.isInfoEnabled()) {
				logger.info(summary(mode));
			}
		}
	}

	/**
	 * Apply the durable consumer of a handler in the mode of the report, and record the
	 * outcome in it. In {@code validate} and {@code none} modes nothing is written: the
	 * consumer must exist as declared.
	 * @param stream the stream the handler consumes
	 * @param consumer the consumer's declared configuration
	 * @param handler the handler, for logs and errors
	 * @param requiredFeatures the server features the declaration needs, by the setting
	 * that needs each, as the user wrote it
	 * @return the outcome
	 * @throws ProvisioningException if the consumer is missing or differs in a read-only
	 * mode, or cannot be created or updated as declared
	 */
	public ProvisioningResult provisionConsumer(String stream, ConsumerConfiguration consumer, String handler,
			Map<String, ServerFeature> requiredFeatures) {
		Assert.hasText(stream, "'stream' must not be empty");
		Assert.notNull(consumer, "'consumer' must not be null");
		ProvisioningMode mode = this.report.getMode();
		ProvisioningResult result = this.resourceProvisioner.apply(new ConsumerResource(this.jetStreamManagement,
				this.consumerListings, stream, consumer, handler, requiredFeatures, this.managedMetadata), mode);
		this.report.add(result);
		log(result, mode);
		return result;
	}

	private List<ProvisionedResource<?>> resources() {
		List<ProvisionedResource<?>> resources = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (NatsStream stream : this.streams.get()) {
			assertDeclaredOnce(names, ResourceType.STREAM, stream.getName());
			resources.add(new StreamResource(this.jetStreamManagement, stream, this.managedMetadata));
		}
		for (NatsKeyValue keyValue : this.keyValues.get()) {
			assertDeclaredOnce(names, ResourceType.KEY_VALUE, keyValue.getBucket());
			resources.add(new KeyValueResource(this.keyValueManagement, keyValue, this.managedMetadata));
		}
		return resources;
	}

	private static void assertDeclaredOnce(Set<String> names, ResourceType type, String name) {
		if (!names.add(type + ":" + name)) {
			throw new ProvisioningException(type.describe(name) + " is declared more than once (in configuration "
					+ "properties and/or as beans). Declare each " + type.getDisplayName().toLowerCase(Locale.ROOT)
					+ " once.");
		}
	}

	private static void log(ProvisioningResult result, ProvisioningMode mode) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		String resource = result.type().describe(result.name());
		switch (result.outcome()) {
			case CREATED -> logger.info(resource + " created");
			case UPDATED -> result.differences()
				.forEach((difference) -> logger.info(resource + " updated: " + difference));
			case UNCHANGED -> logger.info(resource + ((mode != ProvisioningMode.CREATE_OR_UPDATE)
					? " matches its declaration" : " unchanged"));
		}
	}

	private String summary(ProvisioningMode mode) {
		Map<ProvisioningOutcome, Long> counts = new EnumMap<>(ProvisioningOutcome.class);
		for (ProvisioningOutcome outcome : ProvisioningOutcome.values()) {
			counts.put(outcome, 0L);
		}
		this.report.getResults().forEach((result) -> counts.merge(result.outcome(), 1L, Long::sum));
		return "JetStream provisioning (" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-') + ") complete: "
				+ counts.entrySet()
					.stream()
					.map((entry) -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT))
					.collect(Collectors.joining(", "));
	}

	private static ProvisioningException failure(List<ProvisioningException> failures, int total) {
		if (failures.size() == 1) {
			return failures.get(0);
		}
		StringBuilder message = new StringBuilder(
				failures.size() + " of " + total + " declared JetStream resources could not be provisioned:");
		failures.forEach((failure) -> message.append(System.lineSeparator()).append("- ").append(failure.getMessage()));
		ProvisioningException exception = new ProvisioningException(message.toString());
		failures.forEach(exception::addSuppressed);
		return exception;
	}

}

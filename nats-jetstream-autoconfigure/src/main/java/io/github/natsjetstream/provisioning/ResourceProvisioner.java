package io.github.natsjetstream.provisioning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.natsjetstream.routing.SubjectPattern;
import io.github.natsjetstream.support.ApiErrorCodes;
import io.github.natsjetstream.support.NatsServerFeatures;
import io.github.natsjetstream.support.UnsupportedServerFeatureException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ServerInfo;
import io.nats.client.api.StreamInfo;
import org.jspecify.annotations.Nullable;

/**
 * Applies one declared resource in a {@link ProvisioningMode}: refuses it when it needs
 * a feature the connected server lacks, creates it when missing, leaves it alone when it
 * matches, updates it in place when JetStream allows, and otherwise fails with an
 * exception that names the resource, the fields and the ways out. Never deletes
 * anything.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ResourceProvisioner {

	private static final String PERMISSIONS_VIOLATION = "Permissions Violation";

	private final Connection connection;

	private final JetStreamManagement management;

	private final NatsServerFeatures features;

	ResourceProvisioner(Connection connection, JetStreamManagement management, NatsServerFeatures features) {
		this.connection = connection;
		this.management = management;
		this.features = features;
	}

	<C> ProvisioningResult apply(ProvisionedResource<C> resource, ProvisioningMode mode) {
		boolean readOnly = mode != ProvisioningMode.CREATE_OR_UPDATE;
		requireFeatures(resource);
		C current = read(resource);
		if (current == null) {
			if (readOnly) {
				throw new ProvisioningException(resource.describe() + " does not exist. Provisioning mode '"
						+ modeName(mode) + "' creates nothing: create it from an account with JetStream management "
						+ "permission (for example by starting once with "
						+ "nats.jetstream.provisioning.mode=create-or-update), or remove its declaration.");
			}
			try {
				resource.create();
				return new ProvisioningResult(resource.getType(), resource.getName(), ProvisioningOutcome.CREATED,
						List.of());
			}
			catch (JetStreamApiException ex) {
				if (ex.getApiErrorCode() != ApiErrorCodes.STREAM_NAME_IN_USE) {
					throw refused(resource, "created", ex, List.of());
				}
				// Another instance created it first: compare with what it created
				current = read(resource);
				if (current == null) {
					throw refused(resource, "created", ex, List.of());
				}
			}
			catch (IOException ex) {
				throw unavailable(resource, ex);
			}
		}
		List<ConfigurationDifference> differences = resource.compare(current);
		if (differences.isEmpty()) {
			return new ProvisioningResult(resource.getType(), resource.getName(), ProvisioningOutcome.UNCHANGED,
					List.of());
		}
		if (readOnly) {
			throw new ProvisioningException(resource.describe() + " differs from its declaration (server -> declared): "
					+ join(differences) + ". Provisioning mode '" + modeName(mode) + "' changes nothing: update it "
					+ "from an account with JetStream management permission (for example by starting once with "
					+ "nats.jetstream.provisioning.mode=create-or-update), or declare what the server has.");
		}
		List<ConfigurationDifference> immutable = differences.stream()
			.filter((difference) -> !difference.updatable())
			.toList();
		if (!immutable.isEmpty()) {
			throw new ProvisioningException(resource.describe() + " cannot be updated in place: JetStream cannot "
					+ "change these fields of an existing " + resource.getType().getNoun() + ": " + join(immutable)
					+ " (server -> declared)." + resource.provenance(current) + others(differences, immutable)
					+ " Nothing was changed. " + resource.waysOut());
		}
		try {
			resource.update(current);
		}
		catch (JetStreamApiException ex) {
			throw refused(resource, "updated", ex, differences);
		}
		catch (IOException ex) {
			throw unavailable(resource, ex);
		}
		return new ProvisioningResult(resource.getType(), resource.getName(), ProvisioningOutcome.UPDATED,
				differences);
	}

	private void requireFeatures(ProvisionedResource<?> resource) {
		List<UnsupportedServerFeatureException> unsupported = new ArrayList<>();
		resource.getRequiredFeatures().forEach((setting, feature) -> {
			try {
				this.features.require(feature, setting);
			}
			catch (UnsupportedServerFeatureException ex) {
				unsupported.add(ex);
			}
		});
		if (unsupported.isEmpty()) {
			return;
		}
		String requirements = unsupported.stream()
			.map((ex) -> ex.getFeature().describeRequirement(ex.getCulprit()))
			.collect(Collectors.joining(", "));
		ProvisioningException exception = new ProvisioningException(resource.describe() + " cannot be provisioned on "
				+ "nats-server " + unsupported.get(0).getServerVersion() + ": " + requirements + ". Nothing was "
				+ "created or changed. Upgrade the server, or remove "
				+ ((unsupported.size() == 1) ? "the setting." : "these settings."));
		unsupported.forEach(exception::addSuppressed);
		throw exception;
	}

	private <C> @Nullable C read(ProvisionedResource<C> resource) {
		try {
			return resource.read();
		}
		catch (JetStreamApiException ex) {
			throw refused(resource, "read", ex, List.of());
		}
		catch (IOException ex) {
			throw unavailable(resource, ex);
		}
	}

	private ProvisioningException refused(ProvisionedResource<?> resource, String action, JetStreamApiException ex,
			List<ConfigurationDifference> differences) {
		int code = ex.getApiErrorCode();
		if (code == ApiErrorCodes.JETSTREAM_NOT_ENABLED_FOR_ACCOUNT || code == ApiErrorCodes.JETSTREAM_NOT_ENABLED) {
			return new ProvisioningException(unableTo(resource) + "JetStream is not enabled for this account ("
					+ serverSaid(ex) + "). Enable JetStream for the account in the server configuration, or set "
					+ "nats.jetstream.provisioning.mode=none.", ex, true);
		}
		if (code == ApiErrorCodes.STREAM_NOT_FOUND && resource.getType() == ResourceType.CONSUMER) {
			return new ProvisioningException(resource.describe() + " cannot be " + action + ": stream '"
					+ resource.getStreamName() + "' does not exist (" + serverSaid(ex) + "). Declare it under "
					+ "nats.jetstream.streams." + resource.getStreamName() + ", or name an existing stream in "
					+ "@NatsHandler(stream = ...).", ex);
		}
		if (code == ApiErrorCodes.STREAM_SUBJECT_OVERLAP) {
			return new ProvisioningException(resource.describe() + " cannot be " + action + ": its subjects "
					+ resource.getSubjects() + " overlap with those of " + overlapping(resource) + " ("
					+ serverSaid(ex) + "). A subject can be stored by only one stream: change the subjects of one of "
					+ "them.", ex);
		}
		String changes = differences.isEmpty() ? "" : " Changes (server -> declared): " + join(differences) + ".";
		String waysOut = differences.isEmpty() ? "" : " Nothing was changed. " + resource.waysOut();
		return new ProvisioningException(resource.describe() + " could not be " + action + ": the server refused ("
				+ serverSaid(ex) + ")." + changes + waysOut, ex);
	}

	private ProvisioningException unavailable(ProvisionedResource<?> resource, IOException ex) {
		Connection.Status status = this.connection.getStatus();
		if (status != null && status != Connection.Status.CONNECTED) {
			return new ProvisioningException(unableTo(resource) + "not connected to NATS (connection "
					+ status.name().toLowerCase(Locale.ROOT) + "). Provisioning runs once at startup and needs the "
					+ "server; to start without it (nats.fail-fast=false), set "
					+ "nats.jetstream.provisioning.mode=none.", ex, true);
		}
		ServerInfo serverInfo = this.connection.getServerInfo();
		if (serverInfo != null && !serverInfo.isJetStreamAvailable()) {
			return new ProvisioningException(unableTo(resource) + "the NATS server " + serverName(serverInfo)
					+ " does not have JetStream enabled. Start nats-server with JetStream ('-js' or a 'jetstream {}' "
					+ "block), connect to one that has it, or set nats.jetstream.provisioning.mode=none.", ex, true);
		}
		String lastError = this.connection.getLastError();
		if (lastError != null && lastError.contains(PERMISSIONS_VIOLATION) && lastError.contains("$JS.")) {
			return new ProvisioningException(unableTo(resource) + "the user has no permission to use the JetStream "
					+ "management API (the server said: " + lastError + "). Grant publish permission on "
					+ "'$JS.API.STREAM.>' (and '$JS.API.INFO'), or, for an account without management permission, "
					+ "set nats.jetstream.provisioning.mode=validate (which needs only '$JS.API.STREAM.INFO.>') or "
					+ "none.", ex, true);
		}
		return new ProvisioningException(unableTo(resource) + "no response from the JetStream API (" + ex.getMessage()
				+ "). Check that the server has JetStream enabled and that the user may publish to '$JS.API.>'; a "
				+ "slow server may need a longer nats.jetstream.request-timeout.", ex, true);
	}

	private String overlapping(ProvisionedResource<?> resource) {
		List<SubjectPattern> declared = resource.getSubjects()
			.stream()
			.filter(SubjectPattern::isValid)
			.map(SubjectPattern::of)
			.toList();
		Map<String, List<String>> overlapping = new LinkedHashMap<>();
		try {
			for (StreamInfo info : this.management.getStreams()) {
				String name = info.getConfiguration().getName();
				if (name.equals(resource.getStreamName())) {
					continue;
				}
				List<String> subjects = info.getConfiguration().getSubjects();
				boolean overlaps = subjects.stream()
					.filter(SubjectPattern::isValid)
					.map(SubjectPattern::of)
					.anyMatch((subject) -> declared.stream().anyMatch(subject::overlaps));
				if (overlaps) {
					overlapping.put(name, subjects);
				}
			}
		}
		catch (IOException | JetStreamApiException ex) {
			return "another stream (which one could not be determined: " + ex.getMessage() + ")";
		}
		if (overlapping.isEmpty()) {
			return "another stream";
		}
		List<String> descriptions = new ArrayList<>();
		overlapping.forEach((name, subjects) -> descriptions.add("stream '" + name + "' " + subjects));
		return String.join(", ", descriptions);
	}

	private static String others(List<ConfigurationDifference> differences, List<ConfigurationDifference> immutable) {
		List<ConfigurationDifference> others = differences.stream()
			.filter((difference) -> !immutable.contains(difference))
			.toList();
		return others.isEmpty() ? "" : " Other differences, which could be changed in place: " + join(others) + ".";
	}

	private static String modeName(ProvisioningMode mode) {
		return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String unableTo(ProvisionedResource<?> resource) {
		return "Unable to provision " + resource.getType().getDisplayName().toLowerCase(Locale.ROOT) + " '"
				+ resource.getName() + "': ";
	}

	private static String serverSaid(JetStreamApiException ex) {
		return ex.getErrorDescription() + " [" + ex.getApiErrorCode() + "]";
	}

	private static String serverName(ServerInfo serverInfo) {
		return "'" + serverInfo.getServerName() + "' (" + serverInfo.getHost() + ":" + serverInfo.getPort() + ")";
	}

	private static String join(List<ConfigurationDifference> differences) {
		return differences.stream().map(Object::toString).collect(Collectors.joining(", "));
	}

}

package io.github.natsjetstream.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.natsjetstream.provisioning.NatsKeyValue;
import io.github.natsjetstream.provisioning.NatsStream;
import io.github.natsjetstream.provisioning.ProvisioningException;
import io.nats.client.api.Mirror;
import io.nats.client.api.Source;
import io.nats.client.api.SourceBase;
import io.nats.client.api.SubjectTransform;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Turns the streams and key-value buckets declared under {@code nats.jetstream.streams}
 * and {@code nats.jetstream.key-value} into declarations that name their properties in
 * errors.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class PropertiesDeclarations {

	static final String STREAMS_PREFIX = "nats.jetstream.streams";

	static final String KEY_VALUE_PREFIX = "nats.jetstream.key-value";

	private PropertiesDeclarations() {
	}

	static NatsStream stream(String name, NatsProperties.Stream stream) {
		String prefix = STREAMS_PREFIX + "." + name;
		return declare(prefix, () -> {
			NatsStream.Builder builder = named(prefix, () -> NatsStream.builder(name).propertyPrefix(prefix));
			NamedPropertyMapper named = new NamedPropertyMapper(prefix, ProvisioningException::new);
			named.map("subjects", stream.getSubjects().isEmpty() ? null : stream.getSubjects(), builder::subjects);
			named.map("storage", stream.getStorage(), builder::storage);
			named.map("retention", stream.getRetention(), builder::retention);
			named.map("replicas", stream.getReplicas(), builder::replicas);
			named.map("max-age", stream.getMaxAge(), builder::maxAge);
			named.map("max-bytes", stream.getMaxBytes(), (size) -> builder.maxBytes(size.toBytes()));
			named.map("max-msgs", stream.getMaxMsgs(), builder::maxMsgs);
			named.map("max-msgs-per-subject", stream.getMaxMsgsPerSubject(), builder::maxMsgsPerSubject);
			named.map("max-msg-size", stream.getMaxMsgSize(), (size) -> builder.maxMsgSize(intBytes(size)));
			named.map("discard", stream.getDiscard(), builder::discard);
			named.map("duplicate-window", stream.getDuplicateWindow(), builder::duplicateWindow);
			named.map("description", stream.getDescription(), builder::description);
			named.map("allow-rollup", stream.getAllowRollup(), builder::allowRollup);
			named.map("deny-delete", stream.getDenyDelete(), builder::denyDelete);
			named.map("deny-purge", stream.getDenyPurge(), builder::denyPurge);
			PropertyMapper map = PropertyMapper.get();
			map.from(stream::getMetadata).when((metadata) -> !metadata.isEmpty()).to(builder::metadata);
			map.from(stream::getCompression).to(builder::compression);
			NatsProperties.SubjectTransform transform = stream.getSubjectTransform();
			if (transform.getSource() != null || transform.getDestination() != null) {
				SubjectTransform subjectTransform = subjectTransform(transform, "subject-transform");
				builder.subjectTransform(subjectTransform.getSource(), subjectTransform.getDestination());
			}
			map.from(stream::getSources).when((sources) -> !sources.isEmpty()).as(PropertiesDeclarations::sources)
				.to(builder::sources);
			if (isDeclared(stream.getMirror())) {
				builder.mirror(source(Mirror.builder(), stream.getMirror(), "mirror").build());
			}
			NatsProperties.Placement placement = stream.getPlacement();
			if (placement.getCluster() != null || !placement.getTags().isEmpty()) {
				builder.placement(placement.getCluster(), placement.getTags().toArray(String[]::new));
			}
			map.from(stream::getAllowDirect).to(builder::allowDirect);
			map.from(stream::getFirstSequence).to(builder::firstSequence);
			map.from(stream::getAllowMsgTtl).to(builder::allowMsgTtl);
			map.from(stream::getSubjectDeleteMarkerTtl).to(builder::subjectDeleteMarkerTtl);
			map.from(stream::getAllowAtomicPublish).to(builder::allowAtomicPublish);
			map.from(stream::getAllowMsgCounter).to(builder::allowMsgCounter);
			map.from(stream::getAllowMsgSchedules).to(builder::allowMsgSchedules);
			return builder.build();
		});
	}

	static NatsKeyValue keyValue(String bucket, NatsProperties.KeyValue keyValue) {
		String prefix = KEY_VALUE_PREFIX + "." + bucket;
		return declare(prefix, () -> {
			NatsKeyValue.Builder builder = named(prefix, () -> NatsKeyValue.builder(bucket).propertyPrefix(prefix));
			NamedPropertyMapper named = new NamedPropertyMapper(prefix, ProvisioningException::new);
			named.map("history", keyValue.getHistory(), builder::history);
			named.map("ttl", keyValue.getTtl(), builder::ttl);
			named.map("max-bytes", keyValue.getMaxBytes(), (size) -> builder.maxBytes(size.toBytes()));
			named.map("storage", keyValue.getStorage(), builder::storage);
			named.map("replicas", keyValue.getReplicas(), builder::replicas);
			named.map("description", keyValue.getDescription(), builder::description);
			PropertyMapper map = PropertyMapper.get();
			map.from(keyValue::getCompression).to(builder::compression);
			map.from(keyValue::getMetadata).when((metadata) -> !metadata.isEmpty()).to(builder::metadata);
			NatsProperties.Republish republish = keyValue.getRepublish();
			if (republish.getSource() != null || republish.getDestination() != null) {
				builder.republish(required(republish.getSource(), "republish.source"),
						required(republish.getDestination(), "republish.destination"), republish.isHeadersOnly());
			}
			if (isDeclared(keyValue.getMirror())) {
				builder.mirror(source(Mirror.builder(), keyValue.getMirror(), "mirror").build());
			}
			map.from(keyValue::getSources).when((sources) -> !sources.isEmpty()).as(PropertiesDeclarations::sources)
				.to(builder::sources);
			map.from(keyValue::getLimitMarkerTtl).to(builder::limitMarkerTtl);
			return builder.build();
		});
	}

	private static List<Source> sources(List<NatsProperties.StreamSource> sources) {
		List<Source> result = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			result.add(source(Source.builder(), sources.get(i), "sources[" + i + "]").build());
		}
		return result;
	}

	private static boolean isDeclared(NatsProperties.StreamSource source) {
		return source.getName() != null || source.getFilterSubject() != null
				|| !source.getSubjectTransforms().isEmpty();
	}

	private static <B extends SourceBase.SourceBaseBuilder<B>> B source(B builder, NatsProperties.StreamSource source,
			String property) {
		builder.name(required(source.getName(), property + ".name"));
		if (StringUtils.hasText(source.getFilterSubject())) {
			builder.filterSubject(source.getFilterSubject());
		}
		List<NatsProperties.SubjectTransform> transforms = source.getSubjectTransforms();
		if (!transforms.isEmpty()) {
			List<SubjectTransform> subjectTransforms = new ArrayList<>();
			for (int i = 0; i < transforms.size(); i++) {
				subjectTransforms
					.add(subjectTransform(transforms.get(i), property + ".subject-transforms[" + i + "]"));
			}
			builder.subjectTransforms(subjectTransforms);
		}
		return builder;
	}

	private static SubjectTransform subjectTransform(NatsProperties.SubjectTransform transform, String property) {
		return SubjectTransform.builder()
			.source(required(transform.getSource(), property + ".source"))
			.destination(required(transform.getDestination(), property + ".destination"))
			.build();
	}

	private static String required(@Nullable String value, String property) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalArgumentException("'" + property + "' must be set");
		}
		return value;
	}

	private static <T> T named(String prefix, Supplier<T> builder) {
		try {
			return builder.get();
		}
		catch (IllegalArgumentException ex) {
			throw new ProvisioningException("Invalid name in '" + prefix + "': " + ex.getMessage(), ex);
		}
	}

	private static int intBytes(DataSize size) {
		if (size.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("must be less than 2GB");
		}
		return (int) size.toBytes();
	}

	private static <T> T declare(String prefix, Supplier<T> declaration) {
		try {
			return declaration.get();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new ProvisioningException("Invalid declaration under '" + prefix + "': " + ex.getMessage(), ex);
		}
	}

}

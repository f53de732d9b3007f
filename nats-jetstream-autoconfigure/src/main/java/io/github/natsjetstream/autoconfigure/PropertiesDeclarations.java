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
			NatsStream.Builder builder = NatsStream.builder(name).propertyPrefix(prefix);
			PropertyMapper map = PropertyMapper.get();
			map.from(stream::getSubjects).when((subjects) -> !subjects.isEmpty()).to(builder::subjects);
			map.from(stream::getStorage).to(builder::storage);
			map.from(stream::getRetention).to(builder::retention);
			map.from(stream::getReplicas).to(builder::replicas);
			map.from(stream::getMaxAge).to(builder::maxAge);
			map.from(stream::getMaxBytes).as(DataSize::toBytes).to(builder::maxBytes);
			map.from(stream::getMaxMsgs).to(builder::maxMsgs);
			map.from(stream::getMaxMsgsPerSubject).to(builder::maxMsgsPerSubject);
			map.from(stream::getMaxMsgSize).as(DataSize::toBytes).as(Math::toIntExact).to(builder::maxMsgSize);
			map.from(stream::getDiscard).to(builder::discard);
			map.from(stream::getDuplicateWindow).to(builder::duplicateWindow);
			map.from(stream::getDescription).to(builder::description);
			map.from(stream::getAllowRollup).to(builder::allowRollup);
			map.from(stream::getDenyDelete).to(builder::denyDelete);
			map.from(stream::getDenyPurge).to(builder::denyPurge);
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
			NatsKeyValue.Builder builder = NatsKeyValue.builder(bucket).propertyPrefix(prefix);
			PropertyMapper map = PropertyMapper.get();
			map.from(keyValue::getHistory).to(builder::history);
			map.from(keyValue::getTtl).to(builder::ttl);
			map.from(keyValue::getMaxBytes).as(DataSize::toBytes).to(builder::maxBytes);
			map.from(keyValue::getStorage).to(builder::storage);
			map.from(keyValue::getReplicas).to(builder::replicas);
			map.from(keyValue::getDescription).to(builder::description);
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

	private static <T> T declare(String prefix, Supplier<T> declaration) {
		try {
			return declaration.get();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new ProvisioningException("Invalid declaration under '" + prefix + "': " + ex.getMessage(), ex);
		}
	}

}

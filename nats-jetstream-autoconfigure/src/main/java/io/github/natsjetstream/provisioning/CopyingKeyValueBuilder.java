package io.github.natsjetstream.provisioning;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.Source;

/**
 * A jnats {@link KeyValueConfiguration.Builder} that starts from a complete copy of a
 * configuration. jnats' copying builder forgets the TTL (from which it derives the
 * duplicate window), the mirror and the sources (without which it adds the bucket's own
 * subjects), adds sources to the copied ones instead of replacing them, and cannot remove
 * the limit marker.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class CopyingKeyValueBuilder extends KeyValueConfiguration.Builder {

	CopyingKeyValueBuilder(KeyValueConfiguration configuration) {
		super(configuration);
		ttl(configuration.getTtl());
		mirror(configuration.getMirror());
		sources(configuration.getSources());
	}

	@Override
	public KeyValueConfiguration.Builder sources(Source... sources) {
		return sources(Arrays.asList(sources));
	}

	@Override
	public KeyValueConfiguration.Builder sources(Collection<Source> sources) {
		this.scBuilder.sources((Collection<Source>) null);
		return super.sources(sources);
	}

	@Override
	public KeyValueConfiguration.Builder limitMarker(long limitMarkerTtlMillis) {
		if (limitMarkerTtlMillis <= 0) {
			this.scBuilder.subjectDeleteMarkerTtl((Duration) null);
		}
		return super.limitMarker(limitMarkerTtlMillis);
	}

}

package io.github.natsjetstream.autoconfigure.health;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Makes the {@code nats} health contributor a member of the {@code readiness} group (not
 * of {@code liveness}: a broker outage should take instances out of service, not restart
 * them), unless the user sets that group's members with
 * {@code management.endpoint.health.group.readiness.include} or {@code .exclude}. Runs
 * after Spring Boot's availability probes have made the group; its auto-configuration is
 * ordered after theirs, so that this post-processor, of the same order, comes later.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class NatsReadinessGroupPostProcessor implements HealthEndpointGroupsPostProcessor, Ordered {

	static final String GROUP = "readiness";

	static final String MEMBER = "nats";

	private static final String GROUP_PROPERTY = "management.endpoint.health.group." + GROUP;

	private final boolean membershipSetByUser;

	NatsReadinessGroupPostProcessor(Environment environment) {
		Binder binder = Binder.get(environment);
		this.membershipSetByUser = binder.bind(GROUP_PROPERTY + ".include", Bindable.setOf(String.class)).isBound()
				|| binder.bind(GROUP_PROPERTY + ".exclude", Bindable.setOf(String.class)).isBound();
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		HealthEndpointGroup readiness = groups.get(GROUP);
		if (this.membershipSetByUser || readiness == null) {
			return groups;
		}
		return new WithNatsInReadiness(groups, new NatsMemberGroup(readiness));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The groups, with {@code nats} in readiness.
	 */
	private static final class WithNatsInReadiness implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups groups;

		private final HealthEndpointGroup readiness;

		WithNatsInReadiness(HealthEndpointGroups groups, HealthEndpointGroup readiness) {
			this.groups = groups;
			this.readiness = readiness;
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.groups.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.groups.getNames();
		}

		@Override
		public @Nullable HealthEndpointGroup get(String name) {
			return GROUP.equals(name) ? this.readiness : this.groups.get(name);
		}

		@Override
		public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.groups instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	/**
	 * A group that also has {@code nats} and its parts as members.
	 */
	private static final class NatsMemberGroup implements HealthEndpointGroup {

		private final HealthEndpointGroup group;

		NatsMemberGroup(HealthEndpointGroup group) {
			this.group = group;
		}

		@Override
		public boolean isMember(String name) {
			return MEMBER.equals(name) || name.startsWith(MEMBER + "/") || this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}

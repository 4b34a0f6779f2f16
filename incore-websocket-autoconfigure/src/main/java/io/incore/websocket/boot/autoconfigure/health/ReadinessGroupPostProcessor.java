package io.incore.websocket.boot.autoconfigure.health;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Makes the required clients members of the {@code readiness} health group, next to whatever the group holds
 * already (Boot's {@code readinessState} when the availability probes are on), so that a service is not ready
 * while an upstream it needs is down. The {@code liveness} group is left alone: a restart does not bring an
 * upstream back. Does nothing when there is no {@code readiness} group.
 * <p>
 * It must run after Boot's probe post-processor, which creates the group; both have the lowest precedence, and
 * the auto-configuration that registers this one runs after Boot's.
 */
final class ReadinessGroupPostProcessor implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	private final Set<String> members;

	/**
	 * Creates the post-processor.
	 * @param members the health paths to add, such as {@code incoreWebSocket/feed}
	 */
	ReadinessGroupPostProcessor(Set<String> members) {
		this.members = Set.copyOf(members);
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (this.members.isEmpty() || groups.get(READINESS) == null) {
			return groups;
		}
		return new WithReadinessMembers(groups, this.members);
	}

	/**
	 * The groups, with the readiness group widened; additional paths (such as {@code /readyz}) stay as they were.
	 */
	private record WithReadinessMembers(HealthEndpointGroups groups, Set<String> members)
			implements HealthEndpointGroups, AdditionalPathsMapper {

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.groups.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.groups.getNames();
		}

		@Override
		public HealthEndpointGroup get(String name) {
			HealthEndpointGroup group = this.groups.get(name);
			return (READINESS.equals(name) && group != null) ? new Widened(group, this.members) : group;
		}

		@Override
		public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.groups instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	private record Widened(HealthEndpointGroup group, Set<String> members) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return this.members.contains(name) || this.group.isMember(name);
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
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}

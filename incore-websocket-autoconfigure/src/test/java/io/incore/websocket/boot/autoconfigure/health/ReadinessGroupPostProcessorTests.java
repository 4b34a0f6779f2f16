package io.incore.websocket.boot.autoconfigure.health;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReadinessGroupPostProcessor}: which group it widens and with what. Over HTTP,
 * {@code ObservabilityIntegrationTests} checks the probes themselves.
 */
class ReadinessGroupPostProcessorTests {

	private final ReadinessGroupPostProcessor postProcessor = new ReadinessGroupPostProcessor(
			Set.of("incoreWebSocket/feed"));

	@Test
	void theReadinessGroupGainsTheRequiredClientsAndKeepsItsMembers() {
		HealthEndpointGroups groups = this.postProcessor.postProcessHealthEndpointGroups(HealthEndpointGroups
			.of(new Members(Set.of()), Map.of("readiness", new Members(Set.of("readinessState")),
					"liveness", new Members(Set.of("livenessState")))));
		HealthEndpointGroup readiness = groups.get("readiness");
		assertThat(readiness.isMember("readinessState")).isTrue();
		assertThat(readiness.isMember("incoreWebSocket/feed")).isTrue();
		assertThat(readiness.isMember("incoreWebSocket/optional")).as("a client that is not required").isFalse();
		assertThat(groups.get("liveness").isMember("incoreWebSocket/feed")).isFalse();
		assertThat(groups.getPrimary().isMember("incoreWebSocket/feed")).isFalse();
		assertThat(groups.getNames()).containsExactlyInAnyOrder("readiness", "liveness");
	}

	@Test
	void withoutAReadinessGroupNothingChanges() {
		HealthEndpointGroups groups = HealthEndpointGroups.of(new Members(Set.of()), Map.of());
		assertThat(this.postProcessor.postProcessHealthEndpointGroups(groups)).isSameAs(groups);
	}

	/**
	 * A group of fixed members; the rest of its settings do not matter here.
	 */
	private record Members(Set<String> names) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return this.names.contains(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return true;
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return true;
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return StatusAggregator.getDefault();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return HttpCodeStatusMapper.DEFAULT;
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return null;
		}

	}

}

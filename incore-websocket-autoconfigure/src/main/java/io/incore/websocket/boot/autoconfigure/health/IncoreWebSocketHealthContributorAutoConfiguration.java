package io.incore.websocket.boot.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketProperties;
import io.incore.websocket.boot.autoconfigure.WebSocketClientSettings;
import io.incore.websocket.boot.health.WebSocketHealthIndicator;
import io.incore.websocket.boot.ownership.OwnershipView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Contributes {@code incoreWebSocket} to the application's health, with one component per client, and makes the
 * required clients part of the {@code readiness} group; switched off with
 * {@code management.health.incorewebsocket.enabled=false}. Whether a client is required is its
 * {@code health.required} setting, else the default's, else {@code true}.
 */
@AutoConfiguration(after = IncoreWebSocketAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(WebSocketClients.class)
@ConditionalOnEnabledHealthIndicator("incorewebsocket")
public final class IncoreWebSocketHealthContributorAutoConfiguration {

	/** The name under which the contributor appears: its bean name without the suffix. */
	static final String CONTRIBUTOR = "incoreWebSocket";

	@Bean
	@ConditionalOnMissingBean(name = { "incoreWebSocketHealthIndicator", "incoreWebSocketHealthContributor" })
	HealthContributor incoreWebSocketHealthContributor(WebSocketClients clients, IncoreWebSocketProperties properties,
			ObjectProvider<OwnershipView> ownership) {
		Map<String, HealthContributor> contributors = new LinkedHashMap<>();
		OwnershipView owners = ownership.getIfAvailable();
		clients.asMap().forEach((name, client) -> contributors.put(name,
				new WebSocketHealthIndicator(client, isRequired(properties, name),
						() -> (owners != null) ? owners.isOwner(name) : Optional.empty())));
		return CompositeHealthContributor.fromMap(contributors);
	}

	static boolean isRequired(IncoreWebSocketProperties properties, String name) {
		WebSocketClientSettings own = properties.getClients().get(name);
		Boolean required = (own != null) ? own.getHealth().getRequired() : null;
		if (required == null) {
			required = properties.getDefaults().getHealth().getRequired();
		}
		return required == null || required;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = {
			"org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor",
			"org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper" })
	static class ReadinessGroupConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ReadinessGroupPostProcessor incoreWebSocketReadinessGroupPostProcessor(WebSocketClients clients,
				IncoreWebSocketProperties properties) {
			Set<String> members = new LinkedHashSet<>();
			clients.asMap().keySet().stream()
				.filter((name) -> isRequired(properties, name))
				.forEach((name) -> members.add(CONTRIBUTOR + "/" + name));
			return new ReadinessGroupPostProcessor(members);
		}

	}

}

package io.incore.websocket.boot.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.health.WebSocketHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Contributes {@code incoreWebSocket} to the application's health, with one component per client; switched off
 * with {@code management.health.incorewebsocket.enabled=false}.
 */
@AutoConfiguration(after = IncoreWebSocketAutoConfiguration.class)
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(WebSocketClients.class)
@ConditionalOnEnabledHealthIndicator("incorewebsocket")
public final class IncoreWebSocketHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "incoreWebSocketHealthIndicator", "incoreWebSocketHealthContributor" })
	HealthContributor incoreWebSocketHealthContributor(WebSocketClients clients) {
		Map<String, HealthContributor> contributors = new LinkedHashMap<>();
		clients.asMap().forEach((name, client) -> contributors.put(name,
				new WebSocketHealthIndicator(client, clients.isRequiredForHealth(name))));
		return CompositeHealthContributor.fromMap(contributors);
	}

}

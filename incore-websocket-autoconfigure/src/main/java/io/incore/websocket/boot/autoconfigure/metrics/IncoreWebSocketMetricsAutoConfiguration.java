package io.incore.websocket.boot.autoconfigure.metrics;

import java.util.LinkedHashSet;
import java.util.Set;

import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketProperties;
import io.incore.websocket.boot.metrics.StompMessageMetrics;
import io.incore.websocket.boot.metrics.WebSocketClientMetrics;
import io.incore.websocket.boot.ownership.OwnershipView;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the Micrometer meters of the WebSocket clients. They are switched off, all or some, with Boot's own meter
 * filter: {@code management.metrics.enable.incore.websocket=false}, or e.g.
 * {@code management.metrics.enable.incore.websocket.bytes=false}.
 */
@AutoConfiguration(after = IncoreWebSocketAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ WebSocketClients.class, MeterRegistry.class })
public final class IncoreWebSocketMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebSocketClientMetrics webSocketClientMetrics(WebSocketClients clients, ObjectProvider<OwnershipView> ownership) {
		return new WebSocketClientMetrics(clients, ownership.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.messaging.simp.stomp.StompSession")
	static class StompMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StompMessageMetrics stompMessageMetrics(MeterRegistry registry, IncoreWebSocketProperties properties) {
			Set<String> perDestination = new LinkedHashSet<>();
			properties.getClients().forEach((name, client) -> {
				Boolean own = client.getStomp().getMetricsPerDestination();
				Boolean shared = properties.getDefaults().getStomp().getMetricsPerDestination();
				if (Boolean.TRUE.equals((own != null) ? own : shared)) {
					perDestination.add(name);
				}
			});
			return new StompMessageMetrics(registry, perDestination);
		}

	}

}

package io.incore.websocket.boot.autoconfigure.metrics;

import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.metrics.WebSocketClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

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
	WebSocketClientMetrics webSocketClientMetrics(WebSocketClients clients) {
		return new WebSocketClientMetrics(clients);
	}

}

package io.incore.websocket.boot.autoconfigure.endpoint;

import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.ownership.OwnershipView;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.endpoint.WebSocketsEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Provides the {@code websockets} Actuator endpoint when it is available (exposed and not switched off).
 */
@AutoConfiguration(after = IncoreWebSocketAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(WebSocketsEndpoint.class)
@ConditionalOnBean(WebSocketClients.class)
public final class WebSocketsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebSocketsEndpoint webSocketsEndpoint(WebSocketClients clients, ObjectProvider<OwnershipView> ownership) {
		return new WebSocketsEndpoint(clients, ownership.getIfAvailable());
	}

}

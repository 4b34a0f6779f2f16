package io.incore.websocket.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.ClientStartup;
import io.incore.websocket.boot.InvalidWebSocketClientPropertyException;
import io.incore.websocket.boot.WebSocketClientCustomizer;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.WebSocketClientsLifecycle;
import io.incore.websocket.boot.event.WebSocketEventPublisher;
import org.glassfish.tyrus.client.ClientManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the InCore WebSocket clients declared under {@code incore.websocket.clients}: one
 * {@link WebSocket} bean per client, the {@link WebSocketClients} registry, the lifecycle that connects them once
 * the context is ready and closes them with 1001 on shutdown, and the publishing of every signal as an
 * application event.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass({ WebSocket.class, ClientManager.class })
@ConditionalOnBooleanProperty(name = "incore.websocket.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IncoreWebSocketProperties.class)
@Import(WebSocketClientBeansRegistrar.class)
public final class IncoreWebSocketAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebSocketClients webSocketClients(IncoreWebSocketProperties properties, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WebSocketClientCustomizer> customizers, ConfigurableListableBeanFactory beanFactory) {
		WebSocketClientFactory factory = new WebSocketClientFactory(properties, sslBundles.getIfAvailable(),
				customizers.orderedStream().toList(), beanFactory.getBeanClassLoader(), beanFactory);
		return factory.createClients(userDefinedClients(properties, beanFactory));
	}

	/**
	 * Finds the clients the application defined itself as beans of the client's name; they replace the ones the
	 * configuration would create.
	 */
	private static Map<String, WebSocket> userDefinedClients(IncoreWebSocketProperties properties,
			ConfigurableListableBeanFactory beanFactory) {
		Map<String, WebSocket> userDefined = new LinkedHashMap<>();
		for (String name : properties.getClients().keySet()) {
			if (beanFactory.containsBeanDefinition(name) && !WebSocketClientBeansRegistrar.isRegisteredByUs(
					beanFactory.getBeanDefinition(name))) {
				if (!beanFactory.isTypeMatch(name, WebSocket.class)) {
					throw new InvalidWebSocketClientPropertyException(WebSocketClientFactory.PREFIX + ".clients." + name,
							name, "a bean named '" + name + "' of another type already exists",
							"Rename the client, or the other bean");
				}
				userDefined.put(name, beanFactory.getBean(name, WebSocket.class));
			}
		}
		return userDefined;
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketEventPublisher webSocketEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		return new WebSocketEventPublisher(applicationEventPublisher);
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketClientsLifecycle webSocketClientsLifecycle(WebSocketClients clients, WebSocketEventPublisher publisher,
			Environment environment, IncoreWebSocketProperties properties) {
		Map<String, ClientStartup> startups = WebSocketClientFactory.startups(properties);
		return new WebSocketClientsLifecycle(clients, publisher, (name, url) -> {
			String resolved = environment.resolveRequiredPlaceholders(url);
			WebSocketClientFactory.validateUrl(WebSocketClientFactory.PREFIX + ".clients." + name + ".url", resolved,
					clients.get(name).getOptions().redactedNames());
			return resolved;
		}, (name) -> startups.getOrDefault(name, ClientStartup.DEFAULT));
	}

}

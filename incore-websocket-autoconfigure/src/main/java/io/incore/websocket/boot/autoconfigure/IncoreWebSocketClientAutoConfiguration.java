package io.incore.websocket.boot.autoconfigure;

import java.util.List;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.springws.IncoreWebSocketClient;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * Auto-configuration of an {@link IncoreWebSocketClient} as the application's Spring {@link WebSocketClient} when
 * Spring WebSocket is on the classpath: every connection it opens has the settings of
 * {@code incore.websocket.defaults}. It backs off when the application defines a {@code WebSocketClient} itself.
 */
@AutoConfiguration(after = { IncoreWebSocketAutoConfiguration.class, SslAutoConfiguration.class })
@ConditionalOnClass(value = { WebSocket.class, WebSocketClient.class }, name = "org.glassfish.tyrus.client.ClientManager")
@ConditionalOnBooleanProperty(name = "incore.websocket.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IncoreWebSocketProperties.class)
public final class IncoreWebSocketClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(WebSocketClient.class)
	IncoreWebSocketClient incoreWebSocketClient(IncoreWebSocketProperties properties,
			ObjectProvider<SslBundles> sslBundles, ListableBeanFactory beanFactory) {
		return new IncoreWebSocketClient(new WebSocketClientFactory(properties, sslBundles.getIfAvailable(), List.of(),
				beanFactory).defaultOptions());
	}

}

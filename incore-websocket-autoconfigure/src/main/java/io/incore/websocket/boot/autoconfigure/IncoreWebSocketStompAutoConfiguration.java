package io.incore.websocket.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incore.websocket.boot.InvalidWebSocketClientPropertyException;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.springws.IncoreWebSocketClient;
import io.incore.websocket.boot.stomp.ManagedStompSession;
import io.incore.websocket.boot.stomp.StompClientSettings;
import io.incore.websocket.boot.stomp.StompSessions;
import io.incore.websocket.boot.stomp.StompSessionsLifecycle;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Auto-configuration of STOMP for the clients configured with {@code stomp.enabled}: one Spring
 * {@link WebSocketStompClient} per client on the client's own connection, the {@link StompSessions} registry and
 * the lifecycle that connects them after the clients and disconnects them first. Bodies are received as
 * {@code byte[]} whatever their content type; a {@code String} is sent as {@code text/plain}, a {@code byte[]} as
 * it is.
 */
@AutoConfiguration(after = IncoreWebSocketAutoConfiguration.class)
@ConditionalOnClass({ WebSocketStompClient.class, StompSession.class })
@ConditionalOnBean(WebSocketClients.class)
public final class IncoreWebSocketStompAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StompSessions stompSessions(WebSocketClients clients, IncoreWebSocketProperties properties,
			ApplicationEventPublisher publisher) {
		Map<String, ManagedStompSession> sessions = new LinkedHashMap<>();
		properties.getClients().forEach((name, client) -> {
			WebSocketClientSettings.Stomp stomp = client.getStomp();
			if (stomp.isEnabled() && clients.contains(name)) {
				StompClientSettings settings = settings(name, stomp);
				WebSocketStompClient stompClient = new WebSocketStompClient(
						IncoreWebSocketClient.attachedTo(clients.get(name)));
				stompClient.setMessageConverter(new CompositeMessageConverter(
						List.of(new StringMessageConverter(), new SimpleMessageConverter())));
				sessions.put(name, new ManagedStompSession(name, clients.get(name), stompClient, settings, publisher));
			}
		});
		return new StompSessions(sessions);
	}

	@Bean
	@ConditionalOnMissingBean
	StompSessionsLifecycle stompSessionsLifecycle(StompSessions sessions) {
		return new StompSessionsLifecycle(sessions);
	}

	private static StompClientSettings settings(String name, WebSocketClientSettings.Stomp stomp) {
		String prefix = WebSocketClientFactory.PREFIX + ".clients." + name + ".stomp.";
		List<WebSocketClientSettings.Subscription> subscriptions = stomp.getSubscriptions();
		for (int i = 0; i < subscriptions.size(); i++) {
			String destination = subscriptions.get(i).getDestination();
			if (destination == null || destination.isBlank()) {
				String path = prefix + "subscriptions[" + i + "].destination";
				throw new InvalidWebSocketClientPropertyException(path, null, "a subscription needs a destination",
						"Set " + path + ", e.g. /topic/quotes");
			}
		}
		requireNotNegative(prefix + "heartbeat-outgoing", stomp.getHeartbeatOutgoing());
		requireNotNegative(prefix + "heartbeat-incoming", stomp.getHeartbeatIncoming());
		return new StompClientSettings(stomp.getHost(), stomp.getLogin(), stomp.getPasscode(),
				stomp.getHeartbeatOutgoing(), stomp.getHeartbeatIncoming(), stomp.isAutoReceipt(),
				subscriptions.stream()
					.map((subscription) -> new StompClientSettings.Subscription(subscription.getDestination(),
							subscription.getId()))
					.toList());
	}

	private static void requireNotNegative(String path, Duration interval) {
		if (interval.isNegative()) {
			throw new InvalidWebSocketClientPropertyException(path, MergedClientSettings.readable(interval),
					"a heartbeat interval cannot be negative", "Set " + path + " to 0 for none, or e.g. 10s");
		}
	}

}

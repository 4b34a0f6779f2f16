package io.incore.websocket.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.incore.websocket.WebSocket;
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

	/** What a STOMP client without a subprotocol of its own asks for, STOMP 1.2 first. */
	static final String STOMP_SUBPROTOCOLS = "v12.stomp, v11.stomp, v10.stomp";

	@Bean
	@ConditionalOnMissingBean
	StompSessions stompSessions(WebSocketClients clients, IncoreWebSocketProperties properties,
			ApplicationEventPublisher publisher) {
		Map<String, ManagedStompSession> sessions = new LinkedHashMap<>();
		properties.getClients().forEach((name, client) -> {
			MergedClientSettings merged = new MergedClientSettings(name, client, properties.getDefaults());
			if (merged.get((s) -> s.getStomp().getEnabled(), false) && clients.contains(name)) {
				StompClientSettings settings = settings(merged);
				WebSocket socket = clients.get(name);
				if (socket.getSubProtocol().isEmpty()) {
					socket.setSubProtocol(STOMP_SUBPROTOCOLS);
				}
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

	private static StompClientSettings settings(MergedClientSettings merged) {
		List<WebSocketClientSettings.Subscription> subscriptions = merged.get((s) -> s.getStomp().getSubscriptions(),
				List.of());
		for (int i = 0; i < subscriptions.size(); i++) {
			String destination = subscriptions.get(i).getDestination();
			if (destination == null || destination.isBlank()) {
				String path = merged.path("stomp.subscriptions") + "[" + i + "].destination";
				throw new InvalidWebSocketClientPropertyException(path, null, "a subscription needs a destination",
						"Set " + path + ", e.g. /topic/quotes");
			}
		}
		return new StompClientSettings(merged.get((s) -> s.getStomp().getHost(), null),
				merged.get((s) -> s.getStomp().getLogin(), null), merged.get((s) -> s.getStomp().getPasscode(), null),
				heartbeat(merged, "stomp.heartbeat-outgoing", (s) -> s.getStomp().getHeartbeatOutgoing()),
				heartbeat(merged, "stomp.heartbeat-incoming", (s) -> s.getStomp().getHeartbeatIncoming()),
				merged.get((s) -> s.getStomp().getAutoReceipt(), false),
				subscriptions.stream()
					.map((subscription) -> new StompClientSettings.Subscription(subscription.getDestination(),
							subscription.getId()))
					.toList());
	}

	private static Duration heartbeat(MergedClientSettings merged, String property,
			Function<WebSocketClientSettings, Duration> getter) {
		Duration interval = merged.get(getter, Duration.ZERO);
		if (interval.isNegative()) {
			String path = merged.path(property);
			throw new InvalidWebSocketClientPropertyException(path, MergedClientSettings.readable(interval),
					"a heartbeat interval cannot be negative", "Set " + path + " to 0 for none, or e.g. 10s");
		}
		return interval;
	}

}

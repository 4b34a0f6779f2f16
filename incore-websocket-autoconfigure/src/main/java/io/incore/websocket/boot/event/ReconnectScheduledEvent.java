package io.incore.websocket.boot.event;

import java.time.Duration;

import io.incore.websocket.ReconnectScheduled;
import io.incore.websocket.WebSocket;

/**
 * Published when the client's reconnect policy scheduled an attempt (the Java signal {@code reconnectScheduled}),
 * after the {@link DisconnectedEvent} of what ended.
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param attempt the number of the attempt since the last stable connection, from 1
 * @param delay the delay before it
 * @param cause the error or close that ended the last connection or attempt, secrets redacted
 */
public record ReconnectScheduledEvent(String clientName, WebSocket webSocket, int attempt, Duration delay,
		String cause) implements WebSocketEvent {

	static ReconnectScheduledEvent of(String clientName, WebSocket webSocket, ReconnectScheduled scheduled) {
		return new ReconnectScheduledEvent(clientName, webSocket, scheduled.attempt(), scheduled.delay(),
				scheduled.cause());
	}

}

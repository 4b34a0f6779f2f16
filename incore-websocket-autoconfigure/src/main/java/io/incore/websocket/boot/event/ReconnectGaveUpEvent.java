package io.incore.websocket.boot.event;

import io.incore.websocket.ReconnectGaveUp;
import io.incore.websocket.WebSocket;

/**
 * Published when the client stopped reconnecting (the Java signal {@code reconnectGaveUp}): its reconnect policy
 * allows no further attempt, or the connection ended with one of the policy's stop close codes. Only a call of
 * {@code connectToHost()} or {@code open()} connects again.
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param attempts the reconnect attempts made
 * @param reason why, e.g. {@code "gave up: closed with 1008 policy violation, which a reconnect will not fix"}
 */
public record ReconnectGaveUpEvent(String clientName, WebSocket webSocket, int attempts, String reason)
		implements WebSocketEvent {

	static ReconnectGaveUpEvent of(String clientName, WebSocket webSocket, ReconnectGaveUp gaveUp) {
		return new ReconnectGaveUpEvent(clientName, webSocket, gaveUp.attempts(), gaveUp.reason());
	}

}

package io.incore.websocket.boot.event;

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

	/**
	 * Creates the event with the client's reason as it is now.
	 * @param clientName the name of the client
	 * @param webSocket the client
	 * @param attempts the reconnect attempts made
	 */
	public ReconnectGaveUpEvent(String clientName, WebSocket webSocket, int attempts) {
		this(clientName, webSocket, attempts, webSocket.getGaveUpReason().orElse(""));
	}

}

package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's state returned to {@code Closed}: a connection ended or an attempt failed (the InCore
 * signal {@code disconnected}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param closeCode the close code of the last connection that ended, read when the event is published: the
 * server's code, 1006 when the connection broke without a close handshake, -1 if no connection has ended yet (an
 * attempt failed before any opened)
 * @param closeReason the close reason that came with {@code closeCode}
 */
public record DisconnectedEvent(String clientName, WebSocket webSocket, int closeCode, String closeReason)
		implements WebSocketEvent {

	/**
	 * Creates the event with the client's close code and reason as they are now.
	 * @param clientName the name of the client
	 * @param webSocket the client
	 */
	public DisconnectedEvent(String clientName, WebSocket webSocket) {
		this(clientName, webSocket, webSocket.getCloseCode(), webSocket.getCloseReason());
	}

}

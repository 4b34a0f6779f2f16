package io.incore.websocket.boot.stomp;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.event.WebSocketEvent;

/**
 * Published when a configured client's STOMP session failed: the server sent an ERROR frame, a frame could not be
 * handled, or CONNECT could not be sent. The server closes the connection after an ERROR frame; the client then
 * reconnects and CONNECTs again per its reconnect policy.
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param message what went wrong: the ERROR frame's {@code message} header, or the exception's message
 * @param details the ERROR frame's body as UTF-8 text, or {@code ""}
 */
public record StompErrorEvent(String clientName, WebSocket webSocket, String message, String details)
		implements WebSocketEvent {
}

package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's state returned to {@code Closed}: a connection ended or an attempt failed (the InCore signal {@code disconnected}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record DisconnectedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}

package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's connection was established (the InCore signal {@code connected}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record ConnectedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}

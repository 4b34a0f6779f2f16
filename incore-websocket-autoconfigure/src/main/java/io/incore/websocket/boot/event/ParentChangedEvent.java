package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code parent} changed (the InCore signal {@code parentChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record ParentChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}

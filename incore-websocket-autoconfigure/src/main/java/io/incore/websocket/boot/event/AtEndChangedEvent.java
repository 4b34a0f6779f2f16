package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code atEnd} changed (the InCore signal {@code atEndChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record AtEndChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}

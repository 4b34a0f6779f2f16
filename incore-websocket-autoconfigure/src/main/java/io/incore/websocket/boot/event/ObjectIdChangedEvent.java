package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code objectId} changed (the InCore signal {@code objectIdChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record ObjectIdChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}

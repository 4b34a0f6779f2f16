package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code autoOpen} changed (the InCore signal {@code autoOpenChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record AutoOpenChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
